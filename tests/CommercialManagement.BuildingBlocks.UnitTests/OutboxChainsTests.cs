using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Notification;

namespace CommercialManagement.BuildingBlocks.UnitTests;

public sealed class OutboxChainsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Organisation = Guid.NewGuid();

    private static ConversationRead Read(Guid requestId, int second) => new()
    {
        OrganisationId = Organisation, OccurredAt = Now.AddSeconds(second), RequestId = requestId, StaffId = Guid.NewGuid(),
    };

    [Fact]
    public void Batch_IsCutIntoOneChainPerCase_EachInTheOrderWritten_TheOldestRowFirst()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var rows = new[] { Read(first, 0), Read(second, 1), Read(first, 2), Read(second, 3), Read(first, 4) }
            .Select(e => OutboxMessage.For(e, null)).ToList();

        var chains = OutboxChains.Of(rows);

        Assert.Equal(2, chains.Count);
        Assert.Equal([rows[0], rows[2], rows[4]], chains[0].Select(r => r.Message));
        Assert.Equal([rows[1], rows[3]], chains[1].Select(r => r.Message));
    }

    [Fact]
    public void Key_OfAnEmailEvent_IsItsCase_AndOfAnEventAboutNoCase_ItsOrganisation()
    {
        var caseId = Guid.NewGuid();
        var sent = new EmailSent
        {
            OrganisationId = Organisation, OccurredAt = Now, EmailId = Guid.NewGuid(), CaseId = caseId, Kind = "StaffReply", Subject = "Réponse", Attempts = 1,
        };
        var aboutNoCase = sent with { CaseId = null };

        Assert.Equal(caseId, OutboxChains.Key(OutboxMessage.For(sent, null).Payload));
        Assert.Equal(Organisation, OutboxChains.Key(OutboxMessage.For(aboutNoCase, null).Payload));
    }

    [Fact]
    public void RowWhoseTypeCannotBeRead_StaysInItsCasesChain_WithTheReason()
    {
        var requestId = Guid.NewGuid();
        var readable = OutboxMessage.For(Read(requestId, 0), null);
        var unknown = OutboxMessage.For(Read(requestId, 1), null);
        typeof(OutboxMessage).GetProperty(nameof(OutboxMessage.MessageType))!.SetValue(unknown, "CommercialManagement.Contracts.Inbox.NotYetKnown");

        var chain = Assert.Single(OutboxChains.Of([readable, unknown]));

        Assert.Null(chain[1].Payload);
        Assert.NotNull(chain[1].Unreadable);
    }
}
