using System.Net;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// Payment's part of an erasure: an issued invoice keeps the customer's name and address (the law's ten years) and
/// loses the email; the case's accepted quote loses the customer; in that organisation only, and once.
/// </summary>
public sealed class CustomerErasureTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private async Task<int> EraseAsync(Scenario scenario, string email, params Guid[] requestIds)
    {
        var (erasureId, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        await scenario.PublishAsync(
            new CustomerErasureRequested
            {
                OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, ErasureId = erasureId, CustomerEmail = email,
                RequestIds = requestIds, RequestedBy = "Claire Admin",
            },
            messageId);
        await factory.HandledAsync(messageId);
        return (await factory.PublishedAsync<CustomerErased>(e => e.ErasureId == erasureId && e.Service == "payment")).RowsChanged;
    }

    [Fact]
    public async Task AnErasureByEmail_KeepsTheInvoicesNameAndAddressOnly_EmptiesTheAcceptedQuote_OnceOnly_AndSparesAnotherOrganisation()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (name, email, street) = ($"Gaspard Morin{unique}", $"gaspard.{unique}@example.fr", $"{unique} avenue des Pistes");
        var content = Scenario.Content() with { CustomerName = name, CustomerEmail = email, CustomerAddressLines = [street, "73500 Val Nevé"] };
        var mine = await Scenario.NewAsync(factory);
        var theirs = await Scenario.NewAsync(factory);
        var caseId = await mine.AcceptedCaseAsync(content: content);
        var otherCase = await theirs.AcceptedCaseAsync(content: content);
        Assert.Equal(HttpStatusCode.Created, (await mine.PayAsync(caseId, 30_000, reference: $"Virement {name}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await theirs.PayAsync(otherCase, 30_000)).StatusCode);

        Assert.True(await EraseAsync(mine, email.ToUpperInvariant()) > 0);

        Assert.Equal(name, await factory.ScalarTextAsync("SELECT \"Content\"->'customer'->>'name' FROM invoices WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(street, await factory.ScalarTextAsync("SELECT \"Content\"->'customer'->'addressLines'->>0 FROM invoices WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(ErasedCustomer.Email, await factory.ScalarTextAsync("SELECT \"Content\"->'customer'->>'email' FROM invoices WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal("Client effacé", await factory.ScalarTextAsync("SELECT \"AcceptedContent\"->>'customerName' FROM cases WHERE \"Id\" = @p0", caseId));
        Assert.Equal("Virement Client effacé", await factory.ScalarTextAsync("SELECT \"Reference\" FROM payments WHERE \"RequestId\" = @p0", caseId));
        // Only the other organisation's rows and this organisation's invoice still name the customer.
        var left = await PersonalDataSearch.FindAsync(factory.ConnectionString, name, street);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"OrganisationId\" = @p0 AND strpos(\"Content\"::text, @p1) > 0", mine.OrganisationId, name));
        Assert.Equal(0, await factory.CountAsync("""
            SELECT (SELECT count(*) FROM cases WHERE "OrganisationId" = @p0 AND strpos("AcceptedContent"::text, @p1) > 0)
                 + (SELECT count(*) FROM outbox_messages WHERE payload->>'organisationId' = @p2 AND strpos(payload::text, @p1) > 0)
                 + (SELECT count(*) FROM payments WHERE "OrganisationId" = @p0 AND strpos("Reference", @p1) > 0)
            """, mine.OrganisationId, name, mine.OrganisationId.ToString()));
        Assert.All(left, hit => Assert.True(hit.StartsWith("invoices.", StringComparison.Ordinal) || hit.StartsWith("cases.", StringComparison.Ordinal) || hit.StartsWith("outbox_messages.", StringComparison.Ordinal), hit));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"OrganisationId\" = @p0 AND strpos(lower(\"Content\"::text), @p1) > 0", mine.OrganisationId, email));
        Assert.Equal(email, await factory.ScalarTextAsync("SELECT \"Content\"->'customer'->>'email' FROM invoices WHERE \"RequestId\" = @p0", otherCase));
        Assert.Equal(name, await factory.ScalarTextAsync("SELECT \"AcceptedContent\"->>'customerName' FROM cases WHERE \"Id\" = @p0", otherCase));

        Assert.Equal(0, await EraseAsync(mine, email, caseId));
    }
}
