using System.Net;
using System.Text.Json;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// An accepted quote amended and accepted again (issue 16, part 4), through the consumer and the real database: the final
/// invoice credited by an avoir and issued again from the new content, numbered in their series; what is still due and the
/// surplus follow the new total; the same version again changes nothing.
/// </summary>
public sealed class AmendmentTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private static readonly int Year = CommercialManagement.BuildingBlocks.Locale.ParisTime.Today(TimeProvider.System).Year;

    [Fact]
    public async Task AmendedDownBelowWhatWasPaid_TheFinalInvoiceIsCreditedAndIssuedAgainAtOnce_AndTheSurplusIsShown_Once()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, accepted) = await AcceptedAsync(scenario);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000, reference: "VIR-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 70_000, "Cheque", "CHQ-2")).StatusCode);
        var amended = Amended(accepted, version: 2, lessons: 0);

        await scenario.PublishAsync(amended);

        await WaitForInvoicesAsync(caseId, 4);
        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal(
            [($"FA-{Year}-00001", "Deposit", 30_000L), ($"FA-{Year}-00002", "Final", 100_000L), ($"AV-{Year}-00001", "CreditNote", 70_000L), ($"FA-{Year}-00003", "Final", 88_000L)],
            Invoices(ledger));
        Assert.Equal((88_000L, 0L, 12_000L), (ledger.GetProperty("acceptedTotalCents").GetInt64(), ledger.GetProperty("remainingCents").GetInt64(), ledger.GetProperty("overpaidCents").GetInt64()));
        var avoir = await ContentAsync(caseId, "CreditNote");
        Assert.Equal((Euro($"Modification de la commande : version 2, nouveau total {Money(88_000)}"), $"FA-{Year}-00002"),
            (Euro(avoir.GetProperty("reason").GetString()!), avoir.GetProperty("corrects").GetProperty("number").GetString()));
        var final = await ContentAsync(caseId, "Final", $"FA-{Year}-00003");
        Assert.Equal([($"FA-{Year}-00001", 30_000L)], final.GetProperty("deducted").EnumerateArray().Select(d => (d.GetProperty("number").GetString(), d.GetProperty("amountCents").GetInt64())));
        Assert.Equal((88_000L, 0L), (final.GetProperty("totalCents").GetInt64(), final.GetProperty("dueCents").GetInt64()));

        await scenario.PublishAsync(amended with { OccurredAt = amended.OccurredAt.AddSeconds(5) });
        await scenario.PublishAsync(amended);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(4, await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(2, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%InvoiceIssued' AND payload->>'requestId' = @p0 AND payload->>'number' IN (@p1, @p2)",
            caseId.ToString(), $"AV-{Year}-00001", $"FA-{Year}-00003"));
    }

    [Fact]
    public async Task AmendedUpAfterPaidInFull_TheFinalInvoiceIsCredited_AndTheNewOneWaitsForTheBalance()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, accepted) = await AcceptedAsync(scenario);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 100_000, reference: "VIR-1")).StatusCode);

        await scenario.PublishAsync(Amended(accepted, version: 2, lessons: 4));

        await WaitForInvoicesAsync(caseId, 2);
        var ledger = await scenario.LedgerAsync(caseId);
        Assert.Equal([($"FA-{Year}-00001", "Final", 100_000L), ($"AV-{Year}-00001", "CreditNote", 100_000L)], Invoices(ledger));
        Assert.Equal((112_000L, 12_000L, 0L), (ledger.GetProperty("acceptedTotalCents").GetInt64(), ledger.GetProperty("remainingCents").GetInt64(), ledger.GetProperty("overpaidCents").GetInt64()));

        var afterBalance = await Scenario.JsonAsync(await scenario.PayAsync(caseId, 12_000, "Cheque", "CHQ-2"));

        Assert.Equal(
            [($"FA-{Year}-00001", "Final", 100_000L), ($"AV-{Year}-00001", "CreditNote", 100_000L), ($"FA-{Year}-00002", "Final", 112_000L)],
            Invoices(afterBalance));
        var final = await ContentAsync(caseId, "Final", $"FA-{Year}-00002");
        Assert.Equal([100_000L, 12_000L], final.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("amountCents").GetInt64()));
        Assert.Equal(4, final.GetProperty("lines")[1].GetProperty("quantity").GetInt32());
    }

    private async Task<(Guid CaseId, QuoteAccepted Accepted)> AcceptedAsync(Scenario scenario)
    {
        var caseId = Guid.CreateVersion7();
        var accepted = scenario.Accepted(caseId, 100_000, DateTimeOffset.UtcNow.AddMinutes(-5), content: Scenario.Content());
        await scenario.PublishAsync(accepted);
        await scenario.WaitForQuoteAsync(caseId, accepted.QuoteId);
        return (caseId, accepted);
    }

    private async Task WaitForInvoicesAsync(Guid caseId, int count) => Assert.True(await Eventually.TrueAsync(
        async () => await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = @p0 AND \"Sequence\" > 0", caseId) == count,
        TimeSpan.FromSeconds(20)), $"The amendment did not leave {count} invoices.");

    private async Task<JsonElement> ContentAsync(Guid caseId, string kind, string? number = null) => JsonDocument.Parse(number is null
        ? await factory.ScalarTextAsync("SELECT \"Content\"::text FROM invoices WHERE \"RequestId\" = @p0 AND \"Kind\" = @p1", caseId, kind)
        : await factory.ScalarTextAsync("SELECT \"Content\"::text FROM invoices WHERE \"RequestId\" = @p0 AND \"Kind\" = @p1 AND \"Number\" = @p2", caseId, kind, number)).RootElement;

    private static List<(string?, string?, long)> Invoices(JsonElement ledger) =>
        [.. ledger.GetProperty("invoices").EnumerateArray().Select(i => (i.GetProperty("number").GetString(), i.GetProperty("kind").GetString(), i.GetProperty("amountCents").GetInt64()))];

    private static string Money(long cents) => CommercialManagement.BuildingBlocks.Locale.Euros.Format(cents);

    /// <summary>Spaces of every kind as one (the French group separator is a narrow no-break space).</summary>
    private static string Euro(string text) => string.Join(' ', text.Split([' ', '\u00A0', '\u202F'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The same quote accepted again as <paramref name="version"/>: the apartment and <paramref name="lessons"/> group lessons.</summary>
    private static QuoteAccepted Amended(QuoteAccepted accepted, int version, int lessons)
    {
        var content = Scenario.Content();
        var lessonLine = content.Lines[1] with
        {
            Quantity = lessons, AmountInclVatCents = lessons * 6_000, AmountExclVatCents = lessons * 5_000, VatCents = lessons * 1_000,
        };
        var amended = content with
        {
            Lines = lessons > 0 ? [content.Lines[0], lessonLine] : [content.Lines[0]],
            VatByRate = lessons > 0 ? [content.VatByRate[0], content.VatByRate[1] with { NetCents = lessons * 5_000, VatCents = lessons * 1_000 }] : [content.VatByRate[0]],
            NetCents = 76_364 + (lessons * 5_000), VatCents = 7_636 + (lessons * 1_000), GrossCents = 84_000 + (lessons * 6_000), TotalCents = 88_000 + (lessons * 6_000),
        };
        return accepted with { OccurredAt = DateTimeOffset.UtcNow, Version = version, TotalCents = amended.TotalCents, Content = amended, AcceptedBy = "Customer" };
    }
}
