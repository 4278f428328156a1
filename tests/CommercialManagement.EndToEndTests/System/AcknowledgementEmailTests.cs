using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;

namespace CommercialManagement.EndToEndTests.System;

[Collection(SystemCollection.Name)]
public sealed class AcknowledgementEmailTests(SystemFixture system)
{
    [Fact]
    public async Task PublicRequest_ThroughTheGateway_IsAcknowledgedByEmailInTheMailCatcher()
    {
        var email = $"ack-{Guid.NewGuid():N}@example.fr";

        await RequestToCaseTests.PostRequestAsync(system.Gateway(), email);

        using var mailCatcher = new HttpClient { BaseAddress = system.App.GetEndpoint(ResourceNames.MailCatcher, "http") };
        var messages = "";
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            messages = await mailCatcher.GetStringAsync("/api/messages");
            return messages.Contains(email, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1)), "The acknowledgement did not reach the mail catcher.");
        Assert.Contains("Votre demande a bien été reçue", global::System.Text.RegularExpressions.Regex.Unescape(messages), StringComparison.Ordinal);
    }
}
