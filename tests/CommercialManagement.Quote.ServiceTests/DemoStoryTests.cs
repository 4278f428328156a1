using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>Quote's part of the demo story: the demo cases get quotes from the demo catalogue, sent and accepted as their story says.</summary>
public sealed class DemoStoryTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    private static RequestReceived Received(DemoCase demo) => new()
    {
        OrganisationId = demo.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = demo.Id, Channel = RequestChannel.WebForm,
        CustomerName = demo.Name, CustomerEmail = demo.Email, CustomerPhone = demo.Phone, Arrival = new DateOnly(2027, 1, 16), Departure = new DateOnly(2027, 1, 23),
        Adults = demo.Adults, ChildrenAges = demo.Children, Language = demo.Language,
    };

    [Fact]
    public async Task DemoCases_GetCatalogueQuotes_SentForInProgress_AcceptedForAwaitingPayment()
    {
        var accepted = DemoCases.All.First(c => c.Stage == DemoStage.AwaitingPayment && c.OrganisationId == DemoOrganisations.ValNeveOffice);
        var sent = DemoCases.All.First(c => c.Stage == DemoStage.InProgress);
        var draft = DemoCases.All.First(c => c.Stage == DemoStage.New && c.OrganisationId == DemoOrganisations.EsfValNeve);

        foreach (var demo in new[] { accepted, sent, draft })
        {
            await factory.Harness.Bus.Publish(Received(demo));
        }

        var acceptance = await factory.PublishedAsync<QuoteAccepted>(e => e.RequestId == accepted.Id);
        Assert.Equal("Staff", acceptance.AcceptedBy);
        var sending = await factory.PublishedAsync<QuoteSent>(e => e.RequestId == sent.Id);
        Assert.Equal(sent.Email, sending.CustomerEmail);
        var lesson = await factory.PublishedAsync<QuoteChanged>(e => e.RequestId == draft.Id && e.LineCount > 0);
        Assert.True(lesson.TotalCents > 0);
        Assert.False(factory.Harness.Published.Select<QuoteSent>(m => m.Context.Message.RequestId == draft.Id).Any());
    }
}
