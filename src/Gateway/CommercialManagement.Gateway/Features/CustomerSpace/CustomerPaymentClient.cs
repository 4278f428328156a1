using System.Net;
using System.Net.Http.Json;
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Gateway.Features.CustomerSpace;

/// <summary>A payment asked of the customer, open and not expired: what the « Payer » link pays.</summary>
public sealed record CustomerPaymentDue(Guid Id, string Kind, string KindLabel, long AmountCents, DateTimeOffset ExpiresAt, string? LastFailure);

public sealed record CustomerPaymentMade(string KindLabel, long AmountCents, DateOnly ReceivedOn, string MethodLabel);

/// <summary>An invoice or credit note issued for the case: Kind is Deposit, Final or CreditNote.</summary>
public sealed record CustomerInvoice(Guid Id, string Number, string Kind, string KindLabel, DateOnly IssueDate, long AmountCents);

/// <summary>The payments of the accepted quote, as the Payment service shows them to the customer, and the invoices issued.</summary>
public sealed record CustomerPayments(
    string QuoteNumber, long AcceptedTotalCents, long PaidCents, long RemainingCents,
    IReadOnlyList<CustomerPaymentDue>? Due, IReadOnlyList<CustomerPaymentMade>? Paid, IReadOnlyList<CustomerInvoice>? Invoices = null)
{
    public IReadOnlyList<CustomerInvoice> InvoiceList => Invoices ?? [];

    public IReadOnlyList<CustomerPaymentDue> DueNow => Due ?? [];

    public IReadOnlyList<CustomerPaymentMade> Made => Paid ?? [];
}

/// <summary>Where to send the browser to pay, or why it cannot pay (in French, from the Payment service).</summary>
internal sealed record CheckoutAnswer(Uri? Url, string? Refusal);

/// <summary>
/// The customer space's calls to the Payment service, as this one case's customer: a two-minute customer token for the
/// case Inbox vouched for (the caller checked the space's token first), never a staff token.
/// </summary>
internal sealed class CustomerPaymentClient(IHttpClientFactory httpClients, StaffTokenIssuer issuer)
{
    /// <summary>What was accepted, paid and is due; null when the case has no accepted quote.</summary>
    public async Task<CustomerPayments?> GetAsync(CustomerConversation space, CancellationToken cancellationToken)
    {
        using var response = await Payments(space).GetAsync("/customer/payments", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CustomerPayments>(cancellationToken);
    }

    /// <summary>
    /// The checkout page for one payment request (the live session again, or a new one); the service's reason when it
    /// refuses (paid, expired, cancelled, unknown). A failing service throws <see cref="HttpRequestException"/>.
    /// </summary>
    public async Task<CheckoutAnswer> CheckoutAsync(CustomerConversation space, Guid paymentRequestId, string successUrl, string cancelUrl, CancellationToken cancellationToken)
    {
        using var response = await Payments(space).PostAsJsonAsync($"/customer/payments/{paymentRequestId}/checkout", new { successUrl, cancelUrl }, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var session = await response.Content.ReadFromJsonAsync<CheckoutSession>(cancellationToken);
            // Only ever an absolute web address: the gateway never redirects a customer anywhere else.
            return Uri.TryCreate(session?.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                ? new CheckoutAnswer(url, null)
                : throw new HttpRequestException("The Payment service answered without a checkout address.");
        }

        if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            response.EnsureSuccessStatusCode();
        }

        return new CheckoutAnswer(null, string.Join(" ", await ProblemMessages.ReadAsync(response)));
    }

    /// <summary>An invoice's PDF, when it is one of this case's; null otherwise. A failing service throws <see cref="HttpRequestException"/>.</summary>
    public async Task<byte[]?> InvoicePdfAsync(CustomerConversation space, Guid invoiceId, CancellationToken cancellationToken)
    {
        using var response = await Payments(space).GetAsync($"/customer/payments/invoices/{invoiceId}/pdf", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private HttpClient Payments(CustomerConversation space)
    {
        var client = httpClients.CreateClient(ResourceNames.PaymentApi);
        client.BaseAddress = new Uri($"http://{ResourceNames.PaymentApi}");
        client.DefaultRequestHeaders.Authorization = new("Bearer", issuer.IssueForCustomer(space.OrganisationId, space.RequestId));
        return client;
    }

    private sealed record CheckoutSession(string? Url);
}
