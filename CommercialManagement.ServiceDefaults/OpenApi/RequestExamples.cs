using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CommercialManagement.ServiceDefaults.OpenApi;

/// <summary>
/// A filled-in body for the writes an integrator starts with, by endpoint name (<c>.WithName</c>), so that the page shows a
/// request that would be accepted rather than "string" everywhere. A test checks that each one names an operation of the
/// published document and only fields its body has: a renamed route or field shows there, not in an integrator's code.
/// </summary>
public static class RequestExamples
{
    public static readonly IReadOnlyDictionary<string, string> ByOperation = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["IssueToken"] = """{ "email": "agent@valneve-office.test", "password": "votre mot de passe" }""",
        ["SubmitRequest"] = """
            { "siteKey": "valneve-office-demo", "name": "Claire Martin", "email": "claire.martin@example.com", "phone": "+33 6 12 34 56 78",
              "arrival": "2027-02-13", "departure": "2027-02-20", "adults": 2, "childrenAges": [8, 5],
              "message": "Bonjour, nous cherchons un chalet pour quatre avec des cours de ski pour les enfants.", "consent": true, "language": "fr" }
            """,
        ["CreatePhoneRequest"] = """
            { "name": "Paul Girard", "email": "paul.girard@example.com", "phone": "+33 4 79 00 00 00",
              "arrival": "2027-02-13", "departure": "2027-02-20", "adults": 2, "childrenAges": [10],
              "note": "Appel du 3 décembre : souhaite un appartement proche des pistes." }
            """,
        ["PostStaffMessage"] = """{ "body": "Bonjour Claire, voici notre proposition pour votre séjour.", "internal": false }""",
        ["AddCustomQuoteLine"] = """
            { "label": "Navette aéroport", "description": "Aller-retour depuis Chambéry", "quantity": 1, "unitPriceCents": 12000, "vatRateBasisPoints": 1000 }
            """,
        ["ChangeQuoteCustomer"] = """
            { "name": "Claire Martin", "address": "12 rue des Alpes, 73000 Chambéry", "email": "claire.martin@example.com", "phone": "+33 6 12 34 56 78" }
            """,
        ["AcceptQuoteByPhone"] = """{ "note": "Accord donné par téléphone le 4 décembre." }""",
        ["RequestPayment"] = """{ "kind": "Deposit" }""",
        ["RecordOfflinePayment"] = """{ "amountCents": 33600, "method": "BankTransfer", "reference": "VIR-2026-1204", "receivedOn": "2026-12-04" }""",
        ["ChangeDossierStay"] = """{ "arrival": "2027-02-14", "departure": "2027-02-21", "adults": 2, "childrenAges": [8, 5], "confirm": false }""",
    };

    /// <summary>Sets the example on the operation's JSON body, if it has one and one is written for it.</summary>
    public static void Apply(OpenApiOperation operation, string? name)
    {
        if (name is not null
            && ByOperation.TryGetValue(name, out var example)
            && operation.RequestBody?.Content is { } content
            && content.TryGetValue("application/json", out var json))
        {
            json.Example = JsonNode.Parse(example);
        }
    }
}
