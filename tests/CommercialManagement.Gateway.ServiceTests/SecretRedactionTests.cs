using System.Diagnostics;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>A customer-space token opens the customer's quote and payments: no log line and no trace keeps it.</summary>
public sealed class SecretRedactionTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData("/espace/Zk3xq9V0bU2nC7dP4rT8yW1aE6hJ5mL0sG9fK2vB3cN", "/espace/***")]
    [InlineData("http://inbox-api/public/spaces/Zk3xq9V0bU2nC7dP4rT8yW1aE6hJ5mL0sG9fK2vB3cN/messages", "http://inbox-api/public/spaces/***/messages")]
    [InlineData("/espace/Zk3x/payer/0b5e7a10-0000-4000-8000-000000000001?x=1", "/espace/***/payer/0b5e7a10-0000-4000-8000-000000000001?x=1")]
    [InlineData("/dossiers/0b5e7a10", "/dossiers/0b5e7a10")]
    public void Redact_MasksTheTokenOnly(string value, string expected) => Assert.Equal(expected, SecretPaths.Redact(value));

    [Fact]
    public async Task OpeningACustomerSpace_LeavesItsTokenInNoLogLineAndNoTrace()
    {
        var tags = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var tag in activity.TagObjects)
                {
                    tags.Enqueue($"{tag.Key}={tag.Value}");
                }

                tags.Enqueue(activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var page = await browser.GetAsync($"/espace/{GatewayFactory.SpaceToken}");
        await browser.GetAsync($"/espace/{GatewayFactory.SpaceToken}/devis.pdf");

        Assert.True(page.IsSuccessStatusCode, $"{(int)page.StatusCode}");
        Assert.Contains(tags, t => t.Contains("/espace/***", StringComparison.Ordinal));
        Assert.DoesNotContain(tags, t => t.Contains(GatewayFactory.SpaceToken, StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, l => l.Contains(GatewayFactory.SpaceToken, StringComparison.Ordinal));
    }
}
