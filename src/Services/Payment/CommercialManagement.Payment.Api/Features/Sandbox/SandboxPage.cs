using System.Text;

namespace CommercialManagement.Payment.Api.Features.Sandbox;

/// <summary>What the sandbox's page shows: the payment's summary and, while it can be paid, the card form (with the values typed and the error).</summary>
internal sealed record SandboxPageModel(
    string Merchant, string Description, string Amount, string? CancelUrl, bool Payable, string? Message, string? Error,
    string Email = "", string CardNumber = "", string Expiry = "", string Cvc = "", string Name = "");

/// <summary>
/// The sandbox's checkout page, in one self-contained HTML document (inline CSS, nothing fetched from elsewhere, every value
/// HTML-encoded), laid out like a hosted checkout: the merchant and amount on one side, the card form on the other.
/// </summary>
internal static class SandboxPage
{
    public static string Render(SandboxPageModel model)
    {
        var page = new StringBuilder(6_000);
        page.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>Paiement — ").Append(E(model.Merchant)).Append("</title><style>").Append(Css).Append("</style></head><body>")
            .Append("<div class=\"banner\">Mode test — aucun débit réel (bac à sable local)</div><main>")
            .Append("<section class=\"summary\">");
        if (model.CancelUrl is not null)
        {
            page.Append("<a class=\"back\" href=\"").Append(E(model.CancelUrl)).Append("\">← Retour</a>");
        }

        page.Append("<p class=\"merchant\">").Append(E(model.Merchant)).Append("</p>")
            .Append("<p class=\"label\">").Append(E(model.Description)).Append("</p>")
            .Append("<p class=\"amount\" data-testid=\"amount\">").Append(E(model.Amount)).Append("</p>")
            .Append("<ul class=\"lines\"><li><span>").Append(E(model.Description)).Append("</span><span>").Append(E(model.Amount)).Append("</span></li>")
            .Append("<li class=\"total\"><span>Total dû</span><span>").Append(E(model.Amount)).Append("</span></li></ul></section>")
            .Append("<section class=\"pay\">");
        if (model.Message is not null)
        {
            page.Append("<p class=\"notice\" role=\"status\">").Append(E(model.Message)).Append("</p>");
        }

        if (model.Payable)
        {
            AppendForm(page, model);
        }

        page.Append("</section></main><footer>Propulsé par le bac à sable de paiement · Conditions · Confidentialité</footer></body></html>");
        return page.ToString();
    }

    private static void AppendForm(StringBuilder page, SandboxPageModel model)
    {
        page.Append("<h1>Payer par carte</h1>");
        if (model.Error is not null)
        {
            page.Append("<p class=\"error\" role=\"alert\">").Append(E(model.Error)).Append("</p>");
        }

        page.Append("<form method=\"post\" autocomplete=\"off\">")
            .Append(Field("email", "E-mail", "email", model.Email, "vous@exemple.fr", "email"))
            .Append("<fieldset><legend>Informations de la carte</legend>")
            .Append(Field("card", "Numéro de carte", "text", model.CardNumber, "1234 1234 1234 1234", "cc-number"))
            .Append("<div class=\"row\">")
            .Append(Field("expiry", "Expiration", "text", model.Expiry, "MM / AA", "cc-exp"))
            .Append(Field("cvc", "CVC", "text", model.Cvc, "123", "cc-csc"))
            .Append("</div></fieldset>")
            .Append(Field("name", "Titulaire de la carte", "text", model.Name, "Nom complet", "cc-name"))
            .Append("<button type=\"submit\">Payer ").Append(E(model.Amount)).Append("</button></form>")
            .Append("<div class=\"cards\"><p>Cartes de test (toute date future, tout CVC) :</p><ul>")
            .Append("<li><code>4242 4242 4242 4242</code> paiement accepté</li>")
            .Append("<li><code>4000 0000 0000 0002</code> carte refusée</li>")
            .Append("<li><code>4000 0000 0000 9995</code> provision insuffisante</li></ul></div>");
    }

    private static string Field(string name, string label, string type, string value, string placeholder, string autocomplete) =>
        $"<div><label for=\"{name}\">{E(label)}</label><input id=\"{name}\" name=\"{name}\" type=\"{type}\" value=\"{E(value)}\" placeholder=\"{E(placeholder)}\" autocomplete=\"{autocomplete}\" required></div>";

    /// <summary>The five characters that matter in text and double-quoted attributes; letters such as « é » stay readable.</summary>
    private static string E(string value) => value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private const string Css =
        "*{box-sizing:border-box}body{margin:0;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1a1f36;background:#f6f9fc}"
        + ".banner{background:#ffde92;color:#5b3b00;text-align:center;font-size:13px;padding:6px}"
        + "main{display:flex;flex-wrap:wrap;max-width:920px;margin:32px auto;gap:48px;padding:0 24px}"
        + ".summary{flex:1 1 320px}.pay{flex:1 1 360px;background:#fff;border-radius:8px;box-shadow:0 2px 12px rgba(50,50,93,.12);padding:28px}"
        + ".back{color:#635bff;text-decoration:none;font-size:14px}.merchant{font-weight:600;margin:18px 0 4px}.label{color:#697386;margin:0}"
        + ".amount{font-size:36px;font-weight:700;margin:6px 0 24px}.lines{list-style:none;padding:0;margin:0;border-top:1px solid #e3e8ee}"
        + ".lines li{display:flex;justify-content:space-between;padding:12px 0;border-bottom:1px solid #e3e8ee;font-size:14px}.lines .total{font-weight:600}"
        + "h1{font-size:20px;margin:0 0 16px}label,legend{display:block;font-size:13px;color:#4f566b;margin:12px 0 4px;padding:0}"
        + "legend{margin-top:20px;font-weight:600;color:#1a1f36}fieldset{border:0;margin:0;padding:0}input{width:100%;padding:10px 12px;border:1px solid #cfd7df;border-radius:6px;font-size:15px}"
        + "input:focus{outline:2px solid #a4a8ff;border-color:#635bff}.row{display:flex;gap:12px}.row>*{flex:1}"
        + "button{width:100%;margin-top:20px;padding:12px;border:0;border-radius:6px;background:#635bff;color:#fff;font-size:16px;font-weight:600;cursor:pointer}"
        + "button:hover{background:#5145e5}.error{background:#fde8e8;color:#a4161a;border-radius:6px;padding:10px 12px;font-size:14px}"
        + ".notice{background:#eef2ff;color:#3c3f99;border-radius:6px;padding:10px 12px;font-size:14px}"
        + ".cards{margin-top:20px;font-size:13px;color:#697386}.cards ul{padding-left:18px}code{background:#f1f3f7;padding:1px 4px;border-radius:4px}"
        + "footer{text-align:center;color:#a3acb9;font-size:12px;margin:24px}";
}
