using System.Collections.Immutable;

namespace CommercialManagement.Gateway.Features.Live;

/// <summary>Which part of the back office a change shows in.</summary>
[Flags]
internal enum LiveTopic
{
    None = 0,

    /// <summary>« Demandes »: a request arrived, was answered, assigned, read or marked unread.</summary>
    Requests = 1,

    /// <summary>A request's conversation: a message, an email's delivery, the customer-space link.</summary>
    Conversation = 2,

    /// <summary>The board and a dossier's page: the quote, the payments, the stay, the status.</summary>
    Dossiers = 4,

    /// <summary>The alerts' bell: a customer answered, accepted or paid.</summary>
    Alerts = 8,
}

/// <summary>Something committed in a service that an open page of the organisation may show.</summary>
/// <param name="RequestId">The request (its case, its dossier) it is about.</param>
/// <param name="Event">The event's name, for the log.</param>
internal sealed record LiveChange(Guid OrganisationId, Guid RequestId, LiveTopic Topics, string Event);

/// <summary>
/// The gateway's fan-out of <see cref="LiveChange"/>s to the open pages (Blazor circuits) of the organisation they belong
/// to, and of no other. In process: each gateway instance has its own queue of the services' events
/// (<see cref="LiveChangeConsumer"/>) and tells its own circuits.
/// </summary>
internal sealed partial class LiveChanges(ILogger<LiveChanges> logger)
{
    private ImmutableDictionary<Guid, ImmutableList<Subscription>> _subscriptions = ImmutableDictionary<Guid, ImmutableList<Subscription>>.Empty;

    /// <summary>Calls <paramref name="handler"/> for every change of the organisation on one of the topics, until disposed.</summary>
    public IDisposable Subscribe(Guid organisationId, LiveTopic topics, Func<LiveChange, Task> handler)
    {
        var subscription = new Subscription(this, organisationId, topics, handler);
        ImmutableInterlocked.AddOrUpdate(ref _subscriptions, organisationId, [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    public void Publish(LiveChange change)
    {
        if (!_subscriptions.TryGetValue(change.OrganisationId, out var subscriptions))
        {
            return;
        }

        foreach (var subscription in subscriptions)
        {
            if ((subscription.Topics & change.Topics) != 0)
            {
                _ = NotifyAsync(subscription, change);
            }
        }
    }

    private async Task NotifyAsync(Subscription subscription, LiveChange change)
    {
        try
        {
            await subscription.Handler(change);
        }
        catch (Exception exception)
        {
            // A page that cannot refresh (its circuit gone) must not stop the others.
            LogHandlerFailed(exception, change.Event, change.RequestId);
        }
    }

    private void Remove(Subscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, all =>
        {
            if (!all.TryGetValue(subscription.OrganisationId, out var list))
            {
                return all;
            }

            var left = list.Remove(subscription);
            return left.IsEmpty ? all.Remove(subscription.OrganisationId) : all.SetItem(subscription.OrganisationId, left);
        });

    [LoggerMessage(Level = LogLevel.Debug, Message = "A page could not take the live change {Event} of request {RequestId}")]
    private partial void LogHandlerFailed(Exception exception, string @event, Guid requestId);

    private sealed class Subscription(LiveChanges owner, Guid organisationId, LiveTopic topics, Func<LiveChange, Task> handler) : IDisposable
    {
        public Guid OrganisationId => organisationId;

        public LiveTopic Topics => topics;

        public Func<LiveChange, Task> Handler => handler;

        public void Dispose() => owner.Remove(this);
    }
}
