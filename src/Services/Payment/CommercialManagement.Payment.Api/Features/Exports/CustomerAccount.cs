using System.Security.Cryptography;
using System.Text;

namespace CommercialManagement.Payment.Api.Features.Exports;

/// <summary>
/// The customer's auxiliary account in the journals: « C » and 8 characters of the SHA-256 of their email (trimmed,
/// lowercased), the same for a returning customer whatever the case, with no table to keep. An erasure writes it on the
/// invoices before their email goes (<c>InvoiceCustomer.Account</c>), so a past period exported again keeps each
/// customer's own account.
/// </summary>
internal static class CustomerAccount
{
    public static string Of(string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return "C" + Convert.ToHexString(hash, 0, 4);
    }
}
