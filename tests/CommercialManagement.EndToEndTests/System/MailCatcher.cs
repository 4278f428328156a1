using System.Text.Json;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;

namespace CommercialManagement.EndToEndTests.System;

/// <summary>The emails smtp4dev caught in the running system, read through its HTTP API.</summary>
internal sealed partial class MailCatcher(SystemFixture system) : IDisposable
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

    /// <summary>The email as MIME, for its headers (Reply-To, Message-ID).</summary>
    public async Task<MimeKit.MimeMessage> MimeAsync(string id)
    {
        await using var stream = await _http.GetStreamAsync($"/api/messages/{id}/raw");
        return await MimeKit.MimeMessage.LoadAsync(stream);
    }

    /// <summary>Sends an email through the mail catcher's SMTP server, as a customer's mail server would deliver it.</summary>
    public async Task SendAsync(MimeKit.MimeMessage message)
    {
        var smtp = system.App.GetEndpoint(ResourceNames.MailCatcher, "smtp");
        using var client = new MailKit.Net.Smtp.SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, MailKit.Security.SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>How many emails to <paramref name="to"/> with <paramref name="subject"/> in their subject arrived so far.</summary>
    public async Task<int> CountAsync(string to, string subject) => (await MatchesAsync(to, subject)).Count;

    private async Task<Email?> FindAsync(string to, string subject)
    {
        if ((await MatchesAsync(to, subject)).FirstOrDefault() is not { } found)
        {
            return null;
        }

        return found with
        {
            PlainText = await _http.GetStringAsync($"/api/messages/{found.Id}/plaintext"),
            Html = await _http.GetStringAsync($"/api/messages/{found.Id}/html"),
        };
    }

    private async Task<List<Email>> MatchesAsync(string to, string subject)
    {
        var root = JsonDocument.Parse(await _http.GetStringAsync("/api/messages?pageSize=500")).RootElement;
        var messages = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("results");
        return [.. messages.EnumerateArray()
            .Select(m => new Email(
                m.GetProperty("id").GetString()!, m.GetProperty("subject").GetString() ?? "",
                [.. m.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? "")], "", ""))
            .Where(e => e.To.Any(r => r.Contains(to, StringComparison.OrdinalIgnoreCase)) && e.Subject.Contains(subject, StringComparison.Ordinal))];
    }

    /// <summary>The customer-space link of an email (<c>…/espace/{token}</c>, also the start of its « Payer » links), as the customer follows it.</summary>
    public static string SpaceLink(Email email)
    {
        var link = SpaceLinkPattern().Match(email.PlainText).Value;
        Assert.False(string.IsNullOrEmpty(link), $"The email « {email.Subject} » has no customer-space link.");
        return link;
    }

    public void Dispose() => _http.Dispose();

    [global::System.Text.RegularExpressions.GeneratedRegex(@"https?://[^\s""<>]+/espace/[A-Za-z0-9_\-]+")]
    private static partial global::System.Text.RegularExpressions.Regex SpaceLinkPattern();
}
