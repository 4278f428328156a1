using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Quote.Api.Scheduling;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// <c>quote-follow-up</c> (issue 17) on the moved clock: J-2 before its last valid day, a sent quote the customer has not
/// opened gets one follow-up (<c>QuoteFollowUpDue</c>); opened, answered in the conversation, or the organisation's setting
/// off, it gets none.
/// </summary>
public sealed class QuoteFollowUpJobTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    internal static Task<long> FollowUpsAsync(ServiceFactory<Program> factory, Guid quoteId) =>
        factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteFollowUpDue' AND payload->>'quoteId' = @p0", quoteId.ToString());

    private async Task<int> RunAtAsync(TimeSpan after)
    {
        factory.Clock.Advance(after);
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<QuoteFollowUp>().RunAsync(CancellationToken.None);
        }
        finally
        {
            factory.Clock.Advance(-after);
        }
    }

    [Fact]
    public async Task AQuoteNeitherOpenedNorAnswered_IsFollowedUpTwoDaysBeforeItsLastDay_Once()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (_, quoteId, _) = await QuoteExpiryJobTests.SentAsync(scenario);

        await RunAtAsync(TimeSpan.FromDays(4));
        Assert.Equal(0, await FollowUpsAsync(factory, quoteId));

        await RunAtAsync(TimeSpan.FromDays(5));
        await RunAtAsync(TimeSpan.FromDays(5).Add(TimeSpan.FromHours(2)));
        await RunAtAsync(TimeSpan.FromDays(6));
        Assert.Equal(1, await FollowUpsAsync(factory, quoteId));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteFollowUpDue' AND payload->>'quoteId' = @p0 AND payload->>'validUntil' = '2026-11-27'",
            quoteId.ToString()));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM scheduled_once WHERE subject_id = @p0 AND kind = 'quote-follow-up'", quoteId));
    }

    [Fact]
    public async Task AQuoteTheCustomerOpened_IsNotFollowedUp()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, _) = await QuoteExpiryJobTests.SentAsync(scenario);
        var seen = await factory.CreateCustomerClient(scenario.OrganisationId, caseId).GetFromJsonAsync<JsonElement>("/customer/quote");
        Assert.Equal("Sent", seen.GetProperty("state").GetString());
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM quotes WHERE \"Id\" = @p0 AND \"CustomerViewedAt\" IS NOT NULL", quoteId));

        await RunAtAsync(TimeSpan.FromDays(5));

        Assert.Equal(0, await FollowUpsAsync(factory, quoteId));
    }

    [Fact]
    public async Task AQuoteTheCustomerAnsweredInTheConversation_IsNotFollowedUp()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, _) = await QuoteExpiryJobTests.SentAsync(scenario);
        await scenario.PublishAsync(new CommercialManagement.Contracts.Inbox.CustomerMessagePosted
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = factory.Clock.GetUtcNow().AddHours(3), RequestId = caseId, MessageId = Guid.NewGuid(),
            CustomerName = "Élodie Martin",
        });
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync(
            "SELECT count(*) FROM cases WHERE \"Id\" = @p0 AND \"CustomerWroteAt\" IS NOT NULL", caseId) == 1, TimeSpan.FromSeconds(20)),
            "Quote never kept that the customer wrote.");

        await RunAtAsync(TimeSpan.FromDays(5));

        Assert.Equal(0, await FollowUpsAsync(factory, quoteId));
    }

    [Fact]
    public async Task TheOrganisationTurnedTheFollowUpOff_NothingIsSent()
    {
        var scenario = await Scenario.NewAsync(factory);
        await scenario.PublishAsync(new OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1), Name = "Organisation", Kind = "AccommodationProvider",
            Address = "73500 Val Nevé", ContactEmail = "contact@example.fr", DepositPercentage = 30, BalanceDueDaysBeforeArrival = 30, QuoteValidityDays = 7,
            QuoteNumberPrefix = "DEV", TermsOfSale = "CGV", EmailSenderName = "Val Nevé", Schedule = new ScheduleSettings { QuoteFollowUp = false },
        });
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync(
            "SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0 AND NOT (\"Schedule\"->>'quoteFollowUp')::boolean", scenario.OrganisationId) == 1,
            TimeSpan.FromSeconds(20)));
        var (_, quoteId, _) = await QuoteExpiryJobTests.SentAsync(scenario);

        await RunAtAsync(TimeSpan.FromDays(5));

        Assert.Equal(0, await FollowUpsAsync(factory, quoteId));
    }
}
