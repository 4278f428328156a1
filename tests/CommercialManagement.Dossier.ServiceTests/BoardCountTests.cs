using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Dossier.Api.Persistence;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>The board's maintained column counts: exact after every kind of move, after compaction, and from the migration.</summary>
public sealed class BoardCountTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Columns = ["New", "InProgress", "AwaitingPayment", "DepositPaid", "PaidInFull", "Processed", "Archived"];

    private readonly Guid _organisation = Guid.NewGuid();

    private HttpClient Staff => factory.CreateStaffClient(_organisation);

    private Task PublishAsync<T>(T message)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = Guid.NewGuid());

    private async Task ReachesAsync(Guid id, string status) => Assert.True(
        await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0 AND \"Status\" = @p1", id, status) == 1,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50)),
        $"{id} did not reach {status}.");

    private async Task<Guid> RequestAsync()
    {
        var id = Guid.CreateVersion7();
        await PublishAsync(RequestReceivedTests.Received(id, _organisation));
        await ReachesAsync(id, "Request");
        return id;
    }

    private async Task<(Guid Id, Guid Quote)> NewAsync()
    {
        var (id, quote) = (await RequestAsync(), Guid.NewGuid());
        await PublishAsync(new QuoteChanged { OrganisationId = _organisation, OccurredAt = T0.AddMinutes(1), RequestId = id, QuoteId = quote, LineCount = 1, TotalCents = 120_000 });
        await ReachesAsync(id, "New");
        return (id, quote);
    }

    private Task AcceptAsync(Guid id, Guid quote) => PublishAsync(new QuoteAccepted
    {
        OrganisationId = _organisation, OccurredAt = T0.AddMinutes(3), RequestId = id, QuoteId = quote, Number = "OT-2026-0042", TotalCents = 120_000, AcceptedBy = "Customer",
    });

    private Task PayAsync(Guid id, Guid quote, Guid payment, long cents) => PublishAsync(new PaymentReceived
    {
        OrganisationId = _organisation, OccurredAt = T0.AddMinutes(4), RequestId = id, QuoteId = quote, PaymentId = payment, AmountCents = cents, Kind = "Deposit",
    });

    private Task StaffMessageAsync(Guid id) => PublishAsync(new StaffMessagePosted
    {
        OrganisationId = _organisation, OccurredAt = T0.AddMinutes(2), RequestId = id, MessageId = Guid.NewGuid(), StaffId = Guid.NewGuid(), StaffName = "Lucas Girard",
        CustomerName = "Élodie Martin", CustomerEmail = "elodie@example.fr", Language = "fr", Body = "Bonjour", CustomerSpaceToken = "t",
    });

    private async Task StaffAsync(HttpMethod method, Guid id, string move) =>
        (await Staff.SendAsync(new HttpRequestMessage(method, $"/api/dossiers/{id}/{move}"))).EnsureSuccessStatusCode();

    /// <summary>The unfiltered board's counts and the maintained sums both equal a real COUNT of the organisation's dossiers.</summary>
    private async Task AssertExactAsync(string after)
    {
        var board = await Staff.GetFromJsonAsync<JsonElement>("/api/dossiers/board");
        var shown = board.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("status").GetString()!, c => (long)c.GetProperty("count").GetInt32());
        foreach (var column in Columns)
        {
            var real = await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"OrganisationId\" = @p0 AND \"Status\" = @p1", _organisation, column);
            var maintained = await factory.CountAsync(
                "SELECT coalesce(sum(\"Delta\"), 0) FROM board_count_deltas WHERE \"OrganisationId\" = @p0 AND \"Status\" = @p1", _organisation, column);
            Assert.True(real == maintained && real == shown[column], $"After {after}, {column}: COUNT {real}, maintained {maintained}, board {shown[column]}.");
        }
    }

    [Fact]
    public async Task MaintainedCounts_AfterEveryKindOfMove_EqualARealCount_AndStayExactWhenCompacted()
    {
        _ = await RequestAsync();
        await AssertExactAsync("a request (not a column)");

        var straight = await RequestAsync();
        await AcceptAsync(straight, Guid.NewGuid());
        await ReachesAsync(straight, "AwaitingPayment");
        await AssertExactAsync("a request accepted straight into a column");

        var (talked, _) = await NewAsync();
        await StaffMessageAsync(talked);
        await ReachesAsync(talked, "InProgress");
        await StaffAsync(HttpMethod.Post, talked, "archive");
        await AssertExactAsync("an archive");
        await StaffAsync(HttpMethod.Post, talked, "restore");
        await AssertExactAsync("a restore");

        var (refunded, quote) = await NewAsync();
        await AcceptAsync(refunded, quote);
        await ReachesAsync(refunded, "AwaitingPayment");
        var deposit = Guid.NewGuid();
        await PayAsync(refunded, quote, deposit, 36_000);
        await ReachesAsync(refunded, "DepositPaid");
        await AssertExactAsync("a deposit");
        await PublishAsync(new PaymentRefunded { OrganisationId = _organisation, OccurredAt = T0.AddMinutes(5), RequestId = refunded, PaymentId = deposit, RefundId = Guid.NewGuid(), AmountCents = 36_000 });
        await ReachesAsync(refunded, "AwaitingPayment");
        await PublishAsync(new QuoteVoided { OrganisationId = _organisation, OccurredAt = T0.AddMinutes(6), RequestId = refunded, QuoteId = quote, Reason = "Séjour modifié" });
        await ReachesAsync(refunded, "InProgress");
        await AssertExactAsync("a refund and a voided quote");

        var (paid, paidQuote) = await NewAsync();
        await AcceptAsync(paid, paidQuote);
        await PayAsync(paid, paidQuote, Guid.NewGuid(), 120_000);
        await ReachesAsync(paid, "PaidInFull");
        await StaffAsync(HttpMethod.Put, paid, "processed");
        await StaffAsync(HttpMethod.Delete, paid, "processed");
        await StaffAsync(HttpMethod.Put, paid, "processed");
        await StaffAsync(HttpMethod.Post, paid, "archive");
        await AssertExactAsync("processed, unticked, processed again, archived");

        var (hidden, _) = await NewAsync();
        await StaffAsync(HttpMethod.Post, hidden, "archive");
        await StaffMessageAsync(hidden); // archived: only the column it comes back to changes
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0 AND \"StatusBeforeArchive\" = 'InProgress'", hidden) == 1,
            TimeSpan.FromSeconds(30)));
        await AssertExactAsync("an event on an archived dossier");
        await StaffAsync(HttpMethod.Post, hidden, "restore");
        await AssertExactAsync("a restore to the column the events chose");

        Assert.True(await factory.CountAsync("SELECT count(*) FROM board_count_deltas WHERE \"OrganisationId\" = @p0", _organisation) > Columns.Length);
        Assert.True(await Eventually.TrueAsync(
            async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                await BoardCountCompaction.CompactAsync(scope.ServiceProvider.GetRequiredService<DossierDbContext>(), CancellationToken.None);
                return await factory.CountAsync(
                    "SELECT count(*) FROM (SELECT 1 FROM board_count_deltas WHERE \"OrganisationId\" = @p0 GROUP BY \"Status\" HAVING count(*) > 1) AS busy", _organisation) == 0;
            },
            TimeSpan.FromSeconds(10)), "Compaction left more than one row for a column.");
        await AssertExactAsync("compaction");
    }

    [Fact]
    public async Task Migration_CountsTheDossiersAlreadyThere()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync(ResourceNames.DossierDb);
        var options = new DbContextOptionsBuilder<DossierDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")).Options;
        await using var db = new DossierDbContext(options, new TenantContext(null));
        await db.GetService<IMigrator>().MigrateAsync("BoardSearchAndArrivalIndexes");
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO dossiers ("Id", "OrganisationId", "Reference", "Status", "Channel", "CustomerName", "CustomerEmail", "Adults", "ChildrenAges",
                                  "CreatedAt", "StatusChangedAt", "QuoteLineCount", "QuoteTotalCents", "PaidCents", "HasUnreadMessages")
            SELECT gen_random_uuid(), CASE WHEN i % 2 = 0 THEN {first} ELSE {second} END, 'D-' || i, (ARRAY['Request','New','Archived','Processed'])[1 + i % 4],
                   'WebForm', 'Nom', 'nom@example.fr', 2, ARRAY[]::integer[], now(), now(), 0, 0, 0, false
            FROM generate_series(1, 40) AS i
            """);

        await db.Database.MigrateAsync();

        var counts = await db.Database.SqlQueryRaw<long>(
            """SELECT sum("Delta")::bigint AS "Value" FROM board_count_deltas GROUP BY "OrganisationId", "Status" ORDER BY "OrganisationId" = {0} DESC, "Status" """, first).ToListAsync();
        // first (i even): i % 4 = 0 → Request (not counted), 2 → Archived: 10 Archived; second (i odd): 1 → New, 3 → Processed: 10 each.
        Assert.Equal([10L, 10L, 10L], counts);
        Assert.Equal(3, await db.Database.SqlQueryRaw<int>("""SELECT count(*)::integer AS "Value" FROM board_count_deltas""").SingleAsync());
    }
}
