using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using MassTransit;

namespace CommercialManagement.Gateway.Features.Live;

/// <summary>
/// The services' events that change what an open page shows, turned into <see cref="LiveChange"/>s. It reads from this
/// gateway's own ephemeral queue (every instance gets every event): nothing is stored, so no inbox; each event is
/// published by its service after it committed, so a page that reloads on it reads the change.
/// </summary>
internal sealed class LiveChangeConsumer(LiveChanges live) :
    IConsumer<RequestReceived>,
    IConsumer<CustomerMessagePosted>,
    IConsumer<StaffMessagePosted>,
    IConsumer<RequestAssigned>,
    IConsumer<ConversationRead>,
    IConsumer<ConversationMarkedUnread>,
    IConsumer<CustomerSpaceLinkRenewed>,
    IConsumer<ConversationChanged>,
    IConsumer<QuoteChanged>,
    IConsumer<QuoteSent>,
    IConsumer<QuoteAccepted>,
    IConsumer<QuoteVoided>,
    IConsumer<PaymentRequested>,
    IConsumer<PaymentReceived>,
    IConsumer<PaymentRefunded>,
    IConsumer<PaymentFailed>,
    IConsumer<PaymentAccountChanged>,
    IConsumer<StayChanged>,
    IConsumer<DossierChanged>,
    IConsumer<StaffAlertRaised>,
    IConsumer<StaffAlertsRead>
{
    private const LiveTopic Inbox = LiveTopic.Requests | LiveTopic.Conversation;

    private const LiveTopic Everywhere = LiveTopic.Requests | LiveTopic.Conversation | LiveTopic.Dossiers;

    public Task Consume(ConsumeContext<RequestReceived> context) => Tell(context, context.Message.RequestId, Everywhere);

    public Task Consume(ConsumeContext<CustomerMessagePosted> context) => Tell(context, context.Message.RequestId, Inbox);

    public Task Consume(ConsumeContext<StaffMessagePosted> context) => Tell(context, context.Message.RequestId, Inbox);

    public Task Consume(ConsumeContext<RequestAssigned> context) => Tell(context, context.Message.RequestId, Everywhere);

    public Task Consume(ConsumeContext<ConversationRead> context) => Tell(context, context.Message.RequestId, Inbox);

    public Task Consume(ConsumeContext<ConversationMarkedUnread> context) => Tell(context, context.Message.RequestId, Inbox);

    public Task Consume(ConsumeContext<CustomerSpaceLinkRenewed> context) => Tell(context, context.Message.RequestId, LiveTopic.Conversation);

    /// <summary>An email's delivery, the acknowledgement, the new stay: once Inbox committed them (not when Notification or Dossier published).</summary>
    public Task Consume(ConsumeContext<ConversationChanged> context) => Tell(context, context.Message.RequestId, Inbox);

    public Task Consume(ConsumeContext<QuoteChanged> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    public Task Consume(ConsumeContext<QuoteSent> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    public Task Consume(ConsumeContext<QuoteAccepted> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    public Task Consume(ConsumeContext<QuoteVoided> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    public Task Consume(ConsumeContext<PaymentRequested> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    public Task Consume(ConsumeContext<PaymentReceived> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    public Task Consume(ConsumeContext<PaymentRefunded> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    public Task Consume(ConsumeContext<PaymentFailed> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    public Task Consume(ConsumeContext<PaymentAccountChanged> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    public Task Consume(ConsumeContext<StayChanged> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers);

    /// <summary>The bell: an alert stored by whichever gateway instance took the customer's event.</summary>
    public Task Consume(ConsumeContext<StaffAlertRaised> context) => Tell(context, context.Message.RequestId, LiveTopic.Alerts);

    /// <summary>Alerts read by someone: about no one request (an empty id), for the bells only.</summary>
    public Task Consume(ConsumeContext<StaffAlertsRead> context) => Tell(context, Guid.Empty, LiveTopic.Alerts);

    /// <summary>The board's columns and the dossier's status and history, once Dossier committed them.</summary>
    public Task Consume(ConsumeContext<DossierChanged> context) => Tell(context, context.Message.RequestId, LiveTopic.Dossiers | LiveTopic.Conversation);

    private Task Tell<T>(ConsumeContext<T> context, Guid requestId, LiveTopic topics)
        where T : class, CommercialManagement.Contracts.IIntegrationEvent
    {
        live.Publish(new LiveChange(context.Message.OrganisationId, requestId, topics, typeof(T).Name));
        return Task.CompletedTask;
    }
}
