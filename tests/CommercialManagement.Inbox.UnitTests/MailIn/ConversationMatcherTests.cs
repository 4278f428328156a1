using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Features.MailIn;
using static CommercialManagement.Inbox.UnitTests.MailIn.InboundClassifierTests;

namespace CommercialManagement.Inbox.UnitTests.MailIn;

/// <summary>
/// The order in which a fetched email finds its conversation (issue 18): the reply token of the address it was sent to,
/// else the emails it answers (In-Reply-To, then References from the most recent), else its sender's latest open
/// request, else none. Each step is asked only when the one before found nothing.
/// </summary>
public sealed class ConversationMatcherTests
{
    private const string Ours = "reponses@valneve.test";
    private const string Token = "lh4vpm77l6s5qmqhulpkpmxm7ntqavzo";

    private readonly FakeLookup _lookup = new();
    private readonly Request _byToken = NewRequest();
    private readonly Request _byThread = NewRequest();
    private readonly Request _bySender = NewRequest();

    [Fact]
    public async Task TheTokenWins_OverTheThreadAndTheSender()
    {
        Known(token: true, thread: true, sender: true);

        var match = await MatchAsync($"To: <reponses+{Token}@valneve.test>", "In-Reply-To: <ack-1@valneve.test>");

        Assert.Equal((_byToken, MatchedBy.ReplyToken), (match.Request, match.By));
        Assert.Equal(["token"], _lookup.Asked);
    }

    [Fact]
    public async Task AnUnknownToken_FallsBackToTheThreadHeaders()
    {
        Known(token: false, thread: true, sender: true);

        var match = await MatchAsync($"To: <reponses+{Token}@valneve.test>", "In-Reply-To: <ack-1@valneve.test>");

        Assert.Equal((_byThread, MatchedBy.ThreadHeaders), (match.Request, match.By));
        Assert.Equal(["token", "thread"], _lookup.Asked);
    }

    [Fact]
    public async Task WithoutATag_TheThreadHeadersAreAskedInReplyToFirst_ThenReferencesFromTheMostRecent()
    {
        Known(token: false, thread: true, sender: false);

        await MatchAsync("To: <reponses@valneve.test>", "In-Reply-To: <reply-3@valneve.test>", "References: <ack-1@valneve.test> <quote-2@valneve.test> <reply-3@valneve.test>");

        Assert.Equal(["thread"], _lookup.Asked);
        Assert.Equal(["reply-3@valneve.test", "quote-2@valneve.test", "ack-1@valneve.test"], _lookup.MessageIdsAsked);
    }

    [Fact]
    public async Task NoTokenNorThread_TheSendersLatestOpenRequest()
    {
        Known(token: false, thread: false, sender: true);

        var match = await MatchAsync("To: <reponses@valneve.test>", "References: <unknown@elsewhere.test>");

        Assert.Equal((_bySender, MatchedBy.Sender), (match.Request, match.By));
        Assert.Equal(["thread", "sender"], _lookup.Asked);
        Assert.Equal("jean.dupont@example.com", _lookup.SenderAsked);
    }

    [Fact]
    public async Task NothingKnown_NoConversation_ANewRequestIsOpened()
    {
        var match = await MatchAsync("To: <reponses@valneve.test>");

        Assert.Equal((null, MatchedBy.None), (match.Request, match.By));
    }

    [Fact]
    public async Task ATagOfAnotherReplyAddress_IsNotAToken()
    {
        Known(token: true, thread: false, sender: false);

        var match = await MatchAsync($"To: <reponses+{Token}@ailleurs.test>");

        Assert.Equal(MatchedBy.None, match.By);
        Assert.DoesNotContain("token", _lookup.Asked);
    }

    private void Known(bool token, bool thread, bool sender) =>
        (_lookup.ByToken, _lookup.ByThread, _lookup.BySender) = (token ? _byToken : null, thread ? _byThread : null, sender ? _bySender : null);

    private Task<ConversationMatch> MatchAsync(params string[] headers) => ConversationMatcher.MatchAsync(
        Parse(string.Join("\r\n", ["From: Jean Dupont <Jean.Dupont@Example.com>", .. headers, "Subject: Re: Votre devis", "", "Bonjour."])),
        Ours, _lookup, CancellationToken.None);

    private static Request NewRequest() => Request.FromEmail(Guid.NewGuid(), "Jean Dupont", "jean.dupont@example.com", "fr", DateTimeOffset.UtcNow);

    private sealed class FakeLookup : IConversationLookup
    {
        public Request? ByToken { get; set; }

        public Request? ByThread { get; set; }

        public Request? BySender { get; set; }

        public List<string> Asked { get; } = [];

        public IReadOnlyList<string> MessageIdsAsked { get; private set; } = [];

        public string? SenderAsked { get; private set; }

        public Task<Request?> ByReplyTokenAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken) =>
            Answer("token", tokens.Contains(Token) ? ByToken : null);

        public Task<Request?> ByMessageIdsAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
        {
            MessageIdsAsked = messageIds;
            return Answer("thread", ByThread);
        }

        public Task<Request?> LatestOpenBySenderAsync(string address, CancellationToken cancellationToken)
        {
            SenderAsked = address;
            return Answer("sender", BySender);
        }

        private Task<Request?> Answer(string step, Request? found)
        {
            Asked.Add(step);
            return Task.FromResult(found);
        }
    }
}
