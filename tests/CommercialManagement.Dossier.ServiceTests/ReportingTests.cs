using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using CommercialManagement.Dossier.Api.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>
/// « Pilotage » from the events a case's services publish: the funnel and its median times, turnover accepted, invoiced
/// and collected by month, product type and agent, the previous season beside it, and figures that agree with the board.
/// </summary>
public sealed class ReportingTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private const string Period = "from=2026-12-01&to=2027-04-30";

    private readonly Guid _organisation = Guid.NewGuid();
    private readonly Guid _agent = Guid.NewGuid();

    private Task PublishAsync<T>(T message)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = Guid.NewGuid());

    private HttpClient Admin => factory.CreateStaffClient(_organisation, StaffClaims.AdminRole);

    private HttpClient AgentClient(Guid userId)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Tokens.Issue(_organisation, StaffClaims.AgentRole, userId: userId));
        return client;
    }

    private async Task<JsonElement> ReportAsync(HttpClient client, string query = Period) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/reporting?{query}");

    private async Task OpenAsync(Guid id, DateTimeOffset at)
    {
        await PublishAsync(RequestReceivedTests.Received(id, _organisation) with { OccurredAt = at });
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0", id) == 1, TimeSpan.FromSeconds(30)));
    }

    private static AcceptedQuoteContent Content(params (string Label, string? Type, long Amount, long Tax)[] lines) => new()
    {
        CustomerName = "Élodie Martin", CustomerAddressLines = ["1 rue des Alpes"], CustomerEmail = "elodie@example.fr", Language = "fr",
        Arrival = new DateOnly(2027, 2, 13), Departure = new DateOnly(2027, 2, 20), Adults = 2,
        Lines = [.. lines.Select(l => new AcceptedQuoteLine
        {
            Label = l.Label, Quantity = 1, UnitPriceInclVatCents = l.Amount, VatRateBasisPoints = 1000, AmountInclVatCents = l.Amount,
            AmountExclVatCents = l.Amount * 10 / 11, VatCents = l.Amount - (l.Amount * 10 / 11), TouristTaxCents = l.Tax,
            ProductId = l.Type is null ? null : Guid.NewGuid(), ProductName = l.Type is null ? null : l.Label, ProductType = l.Type,
        })],
        VatByRate = [], NetCents = 0, VatCents = 0, GrossCents = lines.Sum(l => l.Amount), TouristTaxCents = lines.Sum(l => l.Tax),
        TotalCents = lines.Sum(l => l.Amount + l.Tax),
    };

    private Task SentAsync(Guid id, Guid quote, DateTimeOffset at, long total) => PublishAsync(new QuoteSent
    {
        OrganisationId = _organisation, OccurredAt = at, RequestId = id, QuoteId = quote, Number = "OT-2026-0001", TotalCents = total,
    });

    private Task AcceptedAsync(Guid id, Guid quote, DateTimeOffset at, long total, AcceptedQuoteContent? content = null, long? previous = null) => PublishAsync(new QuoteAccepted
    {
        OrganisationId = _organisation, OccurredAt = at, RequestId = id, QuoteId = quote, Number = "OT-2026-0001", TotalCents = total, AcceptedBy = "Customer",
        Content = content, PreviousTotalCents = previous,
    });

    private Task PaidAsync(Guid id, Guid quote, DateTimeOffset at, long cents) => PublishAsync(new PaymentReceived
    {
        OrganisationId = _organisation, OccurredAt = at, RequestId = id, QuoteId = quote, PaymentId = Guid.NewGuid(), AmountCents = cents, Kind = "Deposit",
    });

    private Task InvoicedAsync(Guid id, DateTimeOffset at, string kind, long cents, string number, string? corrects = null) => PublishAsync(new InvoiceIssued
    {
        OrganisationId = _organisation, OccurredAt = at, RequestId = id, InvoiceId = Guid.NewGuid(), Number = number, Kind = kind,
        IssueDate = DateOnly.FromDateTime(at.UtcDateTime), AmountCents = cents, CustomerName = "Élodie Martin", CustomerEmail = "elodie@example.fr",
        Language = "fr", CorrectsNumber = corrects,
    });

    private Task AssignAsync(Guid id, Guid assignee, string name) => PublishAsync(new RequestAssigned
    {
        OrganisationId = _organisation, OccurredAt = T0, RequestId = id, AssigneeId = assignee, AssigneeName = name,
    });

    private static long Cents(JsonElement turnover, string name) => turnover.GetProperty(name).GetInt64();

    private static double? Hours(JsonElement report, string median) =>
        report.GetProperty("funnel").GetProperty(median) is { ValueKind: JsonValueKind.Number } hours ? hours.GetDouble() : null;

    /// <summary>The funnel's counts, requests to paid in full.</summary>
    private static (int, int, int, int, int) Funnel(JsonElement report)
    {
        var funnel = report.GetProperty("funnel");
        int Count(string step) => funnel.GetProperty(step).GetInt32();
        return (Count("requests"), Count("quotesSent"), Count("accepted"), Count("depositPaid"), Count("paidInFull"));
    }

    private async Task<JsonElement> SettledAsync(HttpClient client, Func<JsonElement, bool> settled, string query = Period)
    {
        JsonElement report = default;
        Assert.True(await Eventually.TrueAsync(async () => settled(report = await ReportAsync(client, query)), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100)),
            $"The report did not settle: {report}");
        return report;
    }

    /// <summary>
    /// A case taken from the request to its final invoice, one accepted then cancelled, one still waiting: the funnel counts
    /// each step once with its median time, the turnover follows lines, invoices and payments, and agrees with the board.
    /// </summary>
    [Fact]
    public async Task The_season_is_told_step_by_step_and_to_the_cent()
    {
        var (sold, cancelled, waiting) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (soldQuote, cancelledQuote) = (Guid.NewGuid(), Guid.NewGuid());
        await OpenAsync(sold, T0);
        await OpenAsync(cancelled, T0.AddHours(1));
        await OpenAsync(waiting, T0.AddHours(2));
        await AssignAsync(sold, _agent, "Lucas Girard");

        // Sold: answered after 2 h, quote after 5 h, accepted a day later, deposit the next day, balance eight days after.
        var content = Content(("Chalet des Mélèzes", "Accommodation", 80_000, 1_200), ("Cours collectifs", "SkiLesson", 30_000, 0), ("Panier garni", null, 2_500, 0));
        await PublishAsync(new StaffMessagePosted
        {
            OrganisationId = _organisation, OccurredAt = T0.AddHours(2), RequestId = sold, MessageId = Guid.NewGuid(), StaffId = _agent, StaffName = "Lucas Girard",
            CustomerName = "Élodie Martin", CustomerEmail = "elodie@example.fr", Language = "fr", Body = "Bonjour", CustomerSpaceToken = "t",
        });
        await SentAsync(sold, soldQuote, T0.AddHours(5), 113_700);
        await AcceptedAsync(sold, soldQuote, T0.AddHours(29), 113_700, content);
        await PaidAsync(sold, soldQuote, T0.AddHours(53), 34_110);
        await InvoicedAsync(sold, T0.AddHours(53), "Deposit", 34_110, "FA-2026-00001");
        await PaidAsync(sold, soldQuote, T0.AddDays(10).AddHours(5), 79_590);
        await InvoicedAsync(sold, T0.AddDays(10).AddHours(5), "Final", 113_700, "FA-2026-00002");

        // Cancelled: accepted without content (as before lines travelled), then cancelled: it no longer counts as accepted.
        await SentAsync(cancelled, cancelledQuote, T0.AddHours(3), 50_000);
        await AcceptedAsync(cancelled, cancelledQuote, T0.AddHours(4), 50_000);
        await PublishAsync(new CaseCancelled
        {
            OrganisationId = _organisation, OccurredAt = T0.AddDays(3), RequestId = cancelled, QuoteId = cancelledQuote, QuoteNumber = "OT-2026-0002",
            RequestedBy = "Customer", Reason = "Empêchement", DaysBeforeArrival = 60, RetainedCents = 0, RefundCents = 0, StaffName = "Lucas Girard",
        });

        var report = await SettledAsync(Admin, r =>
            Cents(r.GetProperty("totals"), "invoicedCents") == 113_700 && Cents(r.GetProperty("totals"), "collectedCents") == 113_700
            && Cents(r.GetProperty("totals"), "acceptedCents") == 113_700
            // The assignment travels apart from the money (its event can be handled last): the case is Lucas's once it is.
            && r.GetProperty("byAgent").EnumerateArray().Any(a => a.GetProperty("name").GetString() == "Lucas Girard"
                                                                  && Cents(a.GetProperty("current"), "collectedCents") == 113_700)
            // And every step of the three cases has been handled: each event travels on its own (the cancelled case's
            // acceptance can come after its cancellation, the sold case's quote after its acceptance: it counts as having
            // reached the step, and its time to quote joins the median once known).
            && Funnel(r) == (3, 2, 2, 1, 1) && Hours(r, "medianHoursToFirstAnswer") == 2 && Hours(r, "medianHoursToQuote") == 3.5
            && Hours(r, "medianHoursAcceptanceToDeposit") == 24);

        var funnel = report.GetProperty("funnel");
        Assert.Equal(3, funnel.GetProperty("requests").GetInt32());
        Assert.Equal(2, funnel.GetProperty("quotesSent").GetInt32());
        Assert.Equal(2, funnel.GetProperty("accepted").GetInt32());
        Assert.Equal(1, funnel.GetProperty("depositPaid").GetInt32());
        Assert.Equal(1, funnel.GetProperty("paidInFull").GetInt32());
        // Medians over the two cases that made the step: two answers after 2 h each (the quote was the cancelled case's first answer), quotes after 5 h and 2 h.
        Assert.Equal(2, Hours(report, "medianHoursToFirstAnswer"));
        Assert.Equal(3.5, Hours(report, "medianHoursToQuote"));
        Assert.Equal(24, Hours(report, "medianHoursAcceptanceToDeposit"));

        var totals = report.GetProperty("totals");
        Assert.Equal(34_110, Cents(totals, "depositsInvoicedCents"));
        var december = report.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2026-12");
        Assert.Equal(113_700, Cents(december.GetProperty("current"), "collectedCents"));
        Assert.Equal(5, report.GetProperty("months").GetArrayLength());

        var byType = report.GetProperty("byProductType").EnumerateArray().ToDictionary(t => t.GetProperty("label").GetString()!, t => t.GetProperty("acceptedCents").GetInt64());
        Assert.Equal(81_200, byType["Hébergement"]);
        Assert.Equal(30_000, byType["Cours de ski"]);
        Assert.Equal(2_500, byType["Autres prestations"]);
        Assert.Contains(report.GetProperty("byProduct").EnumerateArray(), p => p.GetProperty("label").GetString() == "Chalet des Mélèzes" && p.GetProperty("acceptedCents").GetInt64() == 81_200);

        var lucas = report.GetProperty("byAgent").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Lucas Girard");
        Assert.Equal(113_700, Cents(lucas.GetProperty("current"), "collectedCents"));

        // The board says the same: what the sold case is worth and what it paid, nothing left to pay anywhere.
        var board = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/board");
        var cards = board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("cards").EnumerateArray()).ToList();
        Assert.Equal(Cents(totals, "collectedCents"), cards.Sum(c => c.GetProperty("paidCents").GetInt64()));
        var balances = report.GetProperty("balances");
        Assert.Equal(0, balances.GetProperty("dueCents").GetInt64());

        // An agent sees the cases assigned to them only; another agent sees none of it.
        var own = await ReportAsync(AgentClient(_agent));
        Assert.Equal(1, own.GetProperty("funnel").GetProperty("requests").GetInt32());
        Assert.Equal(113_700, Cents(own.GetProperty("totals"), "collectedCents"));
        var other = await ReportAsync(AgentClient(Guid.NewGuid()), $"{Period}&assignee={_agent}");
        Assert.Equal(0, other.GetProperty("funnel").GetProperty("requests").GetInt32());
        Assert.Equal(0, Cents(other.GetProperty("totals"), "acceptedCents"));

        // « Exporter (CSV) »: the same figures, as a French spreadsheet opens them.
        var csv = await Admin.GetByteArrayAsync($"/api/dossiers/reporting/months.csv?{Period}");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.StartsWith("Mois;Accepté (€);Facturé (€);Acomptes facturés (€);Encaissé (€)", lines[0]);
        Assert.StartsWith("2026-12;1137,00;1137,00;341,10;1137,00;", lines[1]);
        var types = System.Text.Encoding.UTF8.GetString(await Admin.GetByteArrayAsync($"/api/dossiers/reporting/product-types.csv?{Period}"));
        Assert.Contains("\r\nHébergement;812,00;0,00\r\n", types);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/dossiers/reporting/everything.csv?{Period}")).StatusCode);

        // Another organisation sees nothing of it.
        var stranger = await ReportAsync(factory.CreateStaffClient(Guid.NewGuid(), StaffClaims.AdminRole));
        Assert.Equal(0, stranger.GetProperty("funnel").GetProperty("requests").GetInt32());
    }

    /// <summary>An amendment replaces the accepted lines (the difference counts in the month it was accepted); the season before is beside.</summary>
    [Fact]
    public async Task An_amendment_moves_the_accepted_turnover_and_last_season_is_beside()
    {
        var (id, quote, lastYear, lastYearQuote) = (Guid.CreateVersion7(), Guid.NewGuid(), Guid.CreateVersion7(), Guid.NewGuid());
        await OpenAsync(id, T0);
        await AcceptedAsync(id, quote, T0.AddHours(1), 100_000, Content(("Chalet", "Accommodation", 100_000, 0)));
        await SettledAsync(Admin, r => Cents(r.GetProperty("totals"), "acceptedCents") == 100_000);
        await AcceptedAsync(id, quote, T0.AddDays(40), 130_000, Content(("Chalet", "Accommodation", 100_000, 0), ("Forfait 6 jours", "LiftPass", 30_000, 0)), previous: 100_000);
        await PaidAsync(id, quote, T0.AddDays(41), 50_000);
        await OpenAsync(lastYear, T0.AddYears(-1));
        await AcceptedAsync(lastYear, lastYearQuote, T0.AddYears(-1).AddHours(1), 70_000);

        var report = await SettledAsync(Admin, r =>
            Cents(r.GetProperty("totals"), "acceptedCents") == 130_000 && Cents(r.GetProperty("previousTotals"), "acceptedCents") == 70_000
            && r.GetProperty("balances").GetProperty("dueCents").GetInt64() == 80_000 + 70_000);

        var months = report.GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!);
        Assert.Equal(100_000, Cents(months["2026-12"].GetProperty("current"), "acceptedCents"));
        Assert.Equal(30_000, Cents(months["2027-01"].GetProperty("current"), "acceptedCents"));
        Assert.Equal(70_000, Cents(months["2026-12"].GetProperty("previous"), "acceptedCents"));
        Assert.Equal(1, report.GetProperty("previousFunnel").GetProperty("requests").GetInt32());
        var types = report.GetProperty("byProductType").EnumerateArray().ToDictionary(t => t.GetProperty("label").GetString()!);
        Assert.Equal(100_000, types["Hébergement"].GetProperty("acceptedCents").GetInt64());
        Assert.Equal(30_000, types["Forfaits remontées"].GetProperty("acceptedCents").GetInt64());
        Assert.Equal(70_000, types["Autres prestations"].GetProperty("previousAcceptedCents").GetInt64());
    }

    /// <summary>
    /// The money is read from totals kept as the facts arrive: a case given to another agent takes its figures with it (the
    /// first agent's view empties, the second's fills), and the kept totals equal the totals worked out again from the facts,
    /// before and after they are folded.
    /// </summary>
    [Fact]
    public async Task A_reassigned_case_takes_its_figures_to_the_new_agent_and_the_kept_totals_equal_the_facts()
    {
        var (id, quote, other, otherQuote) = (Guid.CreateVersion7(), Guid.NewGuid(), Guid.CreateVersion7(), Guid.NewGuid());
        var chloe = Guid.NewGuid();
        await OpenAsync(id, T0);
        await OpenAsync(other, T0);
        await AssignAsync(id, _agent, "Lucas Girard");
        await AcceptedAsync(id, quote, T0.AddHours(3), 90_000, Content(("Chalet", "Accommodation", 80_000, 1_000), ("Cours", "SkiLesson", 9_000, 0)));
        await PaidAsync(id, quote, T0.AddDays(1), 27_000);
        await InvoicedAsync(id, T0.AddDays(1), "Deposit", 27_000, "FA-2026-00011");
        await AcceptedAsync(other, otherQuote, T0.AddHours(4), 40_000, Content(("Forfait", "LiftPass", 40_000, 0)));
        await SettledAsync(AgentClient(_agent), r => Cents(r.GetProperty("totals"), "collectedCents") == 27_000 && Cents(r.GetProperty("totals"), "acceptedCents") == 90_000);

        await PublishAsync(new RequestAssigned
        {
            OrganisationId = _organisation, OccurredAt = T0.AddDays(2), RequestId = id, AssigneeId = chloe, AssigneeName = "Chloé Bernard",
        });
        var chloes = await SettledAsync(AgentClient(chloe), r => Cents(r.GetProperty("totals"), "acceptedCents") == 90_000);
        Assert.Equal(27_000, Cents(chloes.GetProperty("totals"), "collectedCents"));
        Assert.Equal(27_000, Cents(chloes.GetProperty("totals"), "depositsInvoicedCents"));
        var lucas = await ReportAsync(AgentClient(_agent));
        Assert.Equal(0, Cents(lucas.GetProperty("totals"), "acceptedCents"));
        Assert.Equal(0, Cents(lucas.GetProperty("totals"), "collectedCents"));
        var agents = (await ReportAsync(Admin)).GetProperty("byAgent").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.Equal(90_000, Cents(agents["Chloé Bernard"].GetProperty("current"), "acceptedCents"));
        Assert.Equal(40_000, Cents(agents["Non attribué"].GetProperty("current"), "acceptedCents"));
        Assert.DoesNotContain("Lucas Girard", agents.Keys);

        Assert.Equal(0, await DifferencesFromTheFactsAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await BoardCountCompaction.CompactAsync(scope.ServiceProvider.GetRequiredService<DossierDbContext>(), CancellationToken.None);
        }

        Assert.Equal(0, await DifferencesFromTheFactsAsync());
        Assert.Equal(0, await factory.CountAsync("""
            SELECT count(*) FROM (SELECT 1 FROM report_totals WHERE "OrganisationId" = @p0
                                  GROUP BY "Day", "AssigneeId", "Measure", "Key" HAVING count(*) > 1) AS twice
            """, _organisation));
    }

    /// <summary>
    /// The organisation's kept totals against the same totals worked out from its facts now, in a transaction rolled back:
    /// the number of (day, assignee, measure, product) whose amount or count differ.
    /// </summary>
    private async Task<long> DifferencesFromTheFactsAsync()
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var organisation = $"\"OrganisationId\" = '{_organisation}'";
        await using var command = new NpgsqlCommand($"""
            CREATE TEMP TABLE kept ON COMMIT DROP AS SELECT "Day", "AssigneeId", "Measure", "Key", sum("Cents") AS cents, sum("Count") AS n
            FROM report_totals WHERE {organisation} GROUP BY 1, 2, 3, 4;
            DELETE FROM report_totals WHERE {organisation};
            {ReportTotals.InsertSql("e." + organisation, "i." + organisation, "p." + organisation, 1)};
            SELECT count(*) FROM kept FULL JOIN (
                SELECT "Day", "AssigneeId", "Measure", "Key", sum("Cents") AS cents, sum("Count") AS n FROM report_totals WHERE {organisation} GROUP BY 1, 2, 3, 4) AS facts
              ON facts."Day" = kept."Day" AND facts."AssigneeId" IS NOT DISTINCT FROM kept."AssigneeId" AND facts."Measure" = kept."Measure" AND facts."Key" = kept."Key"
            WHERE COALESCE(facts.cents, 0) <> COALESCE(kept.cents, 0) OR COALESCE(facts.n, 0) <> COALESCE(kept.n, 0);
            """, connection, transaction);
        var differences = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.RollbackAsync();
        return differences;
    }

    /// <summary>An accommodation's weeks: the nights an accepted stay occupies against its units, until the case is cancelled.</summary>
    [Fact]
    public async Task Occupancy_counts_the_nights_of_accepted_stays_week_by_week_against_the_units()
    {
        var (chalet, id, quote) = (Guid.NewGuid(), Guid.CreateVersion7(), Guid.NewGuid());
        await PublishAsync(new CatalogueProductChanged
        {
            OrganisationId = _organisation, OccurredAt = T0, ProductId = chalet, Name = "Chalet des Mélèzes", Type = "Accommodation", Capacity = 2, Retired = false,
        });
        // An older announcement (a repeat from before a change) changes nothing.
        await PublishAsync(new CatalogueProductChanged
        {
            OrganisationId = _organisation, OccurredAt = T0.AddDays(-5), ProductId = chalet, Name = "Chalet", Type = "Accommodation", Capacity = 5, Retired = false,
        });
        await OpenAsync(id, T0);
        var content = Content(("Chalet des Mélèzes — 7 nuits", "Accommodation", 140_000, 2_100)) with { };
        content = content with
        {
            Lines = [content.Lines[0] with { ProductId = chalet, ProductName = "Chalet des Mélèzes", From = new DateOnly(2027, 2, 13), To = new DateOnly(2027, 2, 20) }],
        };
        await AcceptedAsync(id, quote, T0.AddHours(1), 142_100, content);

        const string february = "from=2027-02-01&to=2027-02-28";
        // Settled once the stay is counted and the two announcements are both handled (the older may be handled first).
        var report = await SettledAsync(Admin, r => r.GetProperty("occupancy").EnumerateArray().Any(p =>
            p.GetProperty("weeks").EnumerateArray().Sum(w => w.GetProperty("nightsSold").GetInt32()) == 7
            && p.GetProperty("weeks")[0].GetProperty("nightsOffered").GetInt32() == 14), february);
        var weeks = report.GetProperty("occupancy").EnumerateArray().Single().GetProperty("weeks").EnumerateArray()
            .ToDictionary(w => w.GetProperty("monday").GetString()!, w => (Sold: w.GetProperty("nightsSold").GetInt32(), Offered: w.GetProperty("nightsOffered").GetInt32()));
        Assert.Equal(["2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"], weeks.Keys);
        Assert.Equal((0, 14), weeks["2027-02-01"]);
        Assert.Equal((2, 14), weeks["2027-02-08"]);
        Assert.Equal((5, 14), weeks["2027-02-15"]);
        Assert.Equal("Chalet des Mélèzes", report.GetProperty("occupancy")[0].GetProperty("name").GetString());

        var csv = System.Text.Encoding.UTF8.GetString(await Admin.GetByteArrayAsync($"/api/dossiers/reporting/occupancy.csv?{february}"));
        Assert.Contains("\r\nChalet des Mélèzes;2;15/02/2027;5;14;35,7\r\n", csv);

        await PublishAsync(new CaseCancelled
        {
            OrganisationId = _organisation, OccurredAt = T0.AddDays(2), RequestId = id, QuoteId = quote, QuoteNumber = "OT-2026-0003",
            RequestedBy = "Customer", Reason = "Empêchement", DaysBeforeArrival = 70, RetainedCents = 0, RefundCents = 0, StaffName = "Lucas Girard",
        });
        await SettledAsync(Admin, r => r.GetProperty("occupancy")[0].GetProperty("weeks").EnumerateArray().All(w => w.GetProperty("nightsSold").GetInt32() == 0), february);
    }

    [Theory]
    [InlineData("from=2027-01-31&to=2027-01-01")]
    [InlineData("from=2027-01-01")]
    [InlineData("from=2020-01-01&to=2027-01-01")]
    [InlineData("from=2027-01-01&to=2027-01-31&assignee=lucas")]
    public async Task A_period_that_cannot_be_reported_on_is_refused_with_the_reason(string query)
    {
        var response = await Admin.GetAsync($"/api/dossiers/reporting?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Without_dates_the_season_in_progress_is_reported()
    {
        var report = await ReportAsync(Admin, "");
        var from = DateOnly.Parse(report.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(report.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(from.Month, new[] { 5, 12 });
        Assert.True(to > from && to.DayNumber - from.DayNumber < 215);
        Assert.Equal(from.AddYears(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), report.GetProperty("previousFrom").GetString());
    }
}
