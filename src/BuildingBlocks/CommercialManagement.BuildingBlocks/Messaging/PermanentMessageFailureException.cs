namespace CommercialManagement.BuildingBlocks.Messaging;

/// <summary>
/// A message that would fail the same way however often it were tried (what it names does not exist): it is not
/// retried, it goes straight to the _error queue with this reason, for a person to look at.
/// </summary>
public sealed class PermanentMessageFailureException(string message) : Exception(message);
