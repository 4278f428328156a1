using System.Text.Encodings.Web;

// The destination's own website (another origin than the back office), with the contact form embedded as any
// website would embed it: one element and one script tag from the gateway.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
var gateway = (builder.Configuration["Gateway:Url"] ?? "http://localhost:5100").TrimEnd('/');
var siteKey = builder.Configuration["Demo:SiteKey"] ?? "valneve-office-demo";
var html = DemoPage.Render(HtmlEncoder.Default.Encode(gateway), HtmlEncoder.Default.Encode(siteKey));

app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
app.MapGet("/health", () => Results.Ok("ok"));
app.Run();

internal static class DemoPage
{
    public static string Render(string gateway, string siteKey) => $$"""
        <!DOCTYPE html>
        <html lang="fr">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Val Nevé — séjours à la montagne</title>
          <style>
            body { margin: 0; font-family: system-ui, "Liberation Sans", sans-serif; color: #1d2b36; background: #f4f7f9; }
            header { background: linear-gradient(160deg, #1f5f8b, #2e9e8f); color: #fff; padding: 48px 24px; }
            header h1 { margin: 0 0 8px; font-size: 2.2rem; }
            main { max-width: 760px; margin: -32px auto 48px; background: #fff; border-radius: 10px; padding: 28px 32px; box-shadow: 0 6px 20px rgba(0,0,0,.08); }
            .cm-request-form { display: grid; grid-template-columns: 1fr 1fr; gap: 12px 18px; }
            .cm-field { display: flex; flex-direction: column; gap: 4px; }
            .cm-field label { font-size: .9rem; color: #445; }
            .cm-field input, .cm-field textarea { border: 1px solid #b9c3cc; border-radius: 5px; padding: 9px; font-size: 1rem; }
            .cm-consent { grid-column: 1 / -1; flex-direction: row; align-items: center; gap: 8px; flex-wrap: wrap; }
            .cm-request-form [class*="-message"], .cm-request-form button, .cm-status { grid-column: 1 / -1; }
            .cm-error { color: #c62828; font-size: .85rem; min-height: 1em; }
            .cm-request-form button { background: #1f5f8b; color: #fff; border: 0; border-radius: 5px; padding: 12px; font-size: 1rem; cursor: pointer; }
            .cm-status { color: #c62828; }
            .cm-thanks { background: #e8f5e9; border-left: 4px solid #2e7d32; padding: 14px 16px; }
          </style>
        </head>
        <body>
          <header>
            <h1>Val Nevé</h1>
            <p>Chalets, cours de ski et forfaits : préparez votre séjour à la montagne.</p>
          </header>
          <main>
            <h2>Une question, un projet de séjour ?</h2>
            <p>Écrivez-nous : la centrale de réservation de Val Nevé vous répond rapidement.</p>
            <div data-cm-request-form data-site-key="{{siteKey}}"></div>
            <script src="{{gateway}}/public/form.js" async></script>
          </main>
        </body>
        </html>
        """;
}
