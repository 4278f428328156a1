namespace CommercialManagement.Inbox.Api.Features.SubmitRequest;

/// <summary>
/// The consent checkbox's words, as the form snippet (<c>wwwroot/public/form.js</c>) shows them in each language. The
/// server keeps its own copy rather than taking the words from the post (anybody can post anything): each request
/// stores the text of its language at submission, so a later change of the words does not rewrite what a customer
/// agreed to. A test checks that the snippet still shows exactly these.
/// </summary>
internal static class ConsentTexts
{
    public const string French = "J'accepte d'être recontacté(e) au sujet de ma demande.";

    public const string English = "I agree to be contacted about my request.";

    public static string For(string language) => language == "en" ? English : French;
}
