using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Notification;
using CommercialManagement.TestKit;
using MassTransit;
using MimeKit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>
/// Issue 18: the emails of a case reach the customer as one thread (Message-ID, In-Reply-To, References), and EmailSent
/// says which Message-ID each left with, so that Inbox can tell which case an answer belongs to.
/// </summary>
public sealed class EmailThreadingTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private async Task KnowTheOrganisationAsync()
    {
        factory.StartSmtp();
        var messageId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);
    }

    /// <summary>The email EmailSent tells of, as the SMTP server received it (found by the Message-ID EmailSent gives).</summary>
    private async Task<MimeMessage> SentAsync(Func<EmailSent, bool> which, string what)
    {
        var sent = await factory.PublishedAsync(which);
        Assert.NotNull(sent.InternetMessageId);
        return await factory.ReceivedAsync(m => m.MessageId == sent.InternetMessageId, what);
    }

    private async Task<(RequestReceived Request, MimeMessage Acknowledgement)> AcknowledgedAsync(string email)
    {
        await KnowTheOrganisationAsync();
        var request = Events.Request(Organisation, email) with { ReplyToken = Events.ReplyToken() };
        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());
        return (request, await SentAsync(e => e.CaseId == request.RequestId && e.Kind == "RequestAcknowledgement", $"acknowledgement to {email}"));
    }

    private async Task<MimeMessage> StaffReplyAsync(RequestReceived request, string body, string? inReplyToEmail = null)
    {
        var reply = Events.StaffReply(Organisation, request.CustomerEmail, body) with { RequestId = request.RequestId, InReplyToEmail = inReplyToEmail };
        await factory.Harness.Bus.Publish(reply, c => c.MessageId = Guid.NewGuid());
        return await SentAsync(e => e.RegardingId == reply.MessageId, $"staff reply « {body} »");
    }

    [Fact]
    public async Task EmailSent_CarriesTheMessageIdTheServerSaw_OnTheSendingDomain()
    {
        await KnowTheOrganisationAsync();
        var request = Events.Request(Organisation, "message.id@example.fr");

        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());

        var received = await factory.ReceivedAsync(m => m.To.Mailboxes.Any(b => b.Address == "message.id@example.fr"), "to message.id@example.fr");
        var sent = await factory.PublishedAsync<EmailSent>(e => e.CaseId == request.RequestId);
        Assert.Equal(received.MessageId, sent.InternetMessageId);
        Assert.Equal($"{sent.EmailId:N}@valneve.test", sent.InternetMessageId);
        // The first email of a case answers nothing.
        Assert.Null(received.InReplyTo);
        Assert.Empty(received.References);
    }

    [Fact]
    public async Task StaffReply_AfterTheAcknowledgement_AnswersIt()
    {
        var (request, acknowledgement) = await AcknowledgedAsync("thread.ack@example.fr");
        // An alert to staff about the case is no part of the customer's thread.
        var alert = Guid.NewGuid();
        await factory.Harness.Bus.Publish(Events.CustomerReply(Organisation, "Client Fil") with { RequestId = request.RequestId }, c => c.MessageId = alert);
        await factory.PublishedAsync<EmailSent>(e => e.CaseId == request.RequestId && e.Kind == "CustomerReplyAlert");

        var reply = await StaffReplyAsync(request, "Le chalet est libre.");

        Assert.Equal(acknowledgement.MessageId, reply.InReplyTo);
        Assert.Equal<string?>([acknowledgement.MessageId], reply.References);
    }

    [Fact]
    public async Task StaffReply_ToTheCustomersEmail_AnswersThatEmail()
    {
        var (request, acknowledgement) = await AcknowledgedAsync("thread.customer@example.fr");

        var reply = await StaffReplyAsync(request, "Bien reçu votre message.", inReplyToEmail: "CAF3x-9.customer@mail.example.fr");

        Assert.Equal("CAF3x-9.customer@mail.example.fr", reply.InReplyTo);
        Assert.Equal<string?>([acknowledgement.MessageId, "CAF3x-9.customer@mail.example.fr"], reply.References);
    }

    [Fact]
    public async Task QuoteEmail_OfTheCase_AnswersTheLatestEmailSent()
    {
        var (request, acknowledgement) = await AcknowledgedAsync("thread.quote@example.fr");
        var reply = await StaffReplyAsync(request, "Je vous prépare un devis.");
        var quote = Events.Quote(Organisation, request.RequestId, request.CustomerEmail);

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());

        var email = await SentAsync(e => e.RegardingId == quote.QuoteId, "quote email");
        Assert.Equal(reply.MessageId, email.InReplyTo);
        Assert.Equal<string?>([acknowledgement.MessageId, reply.MessageId], email.References);
    }

    [Fact]
    public async Task LongThread_ReferencesTheFirstEmailAndTheEightLatest()
    {
        var (request, acknowledgement) = await AcknowledgedAsync("thread.long@example.fr");
        var replies = new List<MimeMessage>();
        for (var i = 1; i <= 10; i++)
        {
            replies.Add(await StaffReplyAsync(request, $"Message {i}."));
        }

        var last = replies[^1];
        Assert.Equal(replies[^2].MessageId, last.InReplyTo);
        // The acknowledgement, then the eight latest before it (the first reply dropped out), the last of which it answers.
        Assert.Equal<string?>([acknowledgement.MessageId, .. replies[1..^1].Select(r => r.MessageId)], last.References);
        Assert.Equal(9, last.References.Count);
    }
}
