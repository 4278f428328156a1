using System.Text.Json;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;

namespace CommercialManagement.EndToEndTests.System;

/// <summary>The emails smtp4dev caught in the running system, read through its HTTP API.</summary>
internal sealed class MailCatcher(SystemFixture system) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = system.App.GetEndpoint(ResourceNames.MailCatcher, "http") };

    public sealed record Email(string Id, string Subject, IReadOnlyList<string> To, string PlainText, string Html);

    /// <summary>Waits for an email to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<Email> WaitForAsync(string to, string subject)
    {
        Email? found = null;
        var arrived = await Eventually.TrueAsync(async () =>
        {
            found = await FindAsync(to, subject);
            return found is not null;
        }, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        Assert.True(arrived, $"No email « {subject} » to {to} reached the mail catcher.");
        return found!;
    }

    /// <summary>The email as the SMTP server received it (headers and MIME parts, attachments base64-encoded).</summary>
    public Task<string> SourceAsync(string id) => _http.GetStringAsync($"/api/messages/{id}/raw");

    private async Task<Email?> FindAsync(string to, string subject)
    {
        var root = JsonDocument.Parse(await _http.GetStringAsync("/api/messages?pageSize=500")).RootElement;
        var messages = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("results");
        foreach (var message in messages.EnumerateArray())
        {
            var recipients = message.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? "").ToList();
            var title = message.GetProperty("subject").GetString() ?? "";
            if (recipients.Any(r => r.Contains(to, StringComparison.OrdinalIgnoreCase)) && title.Contains(subject, StringComparison.Ordinal))
            {
                var id = message.GetProperty("id").GetString()!;
                return new Email(id, title, recipients,
                    await _http.GetStringAsync($"/api/messages/{id}/plaintext"),
                    await _http.GetStringAsync($"/api/messages/{id}/html"));
            }
        }

        return null;
    }

    public void Dispose() => _http.Dispose();
}
