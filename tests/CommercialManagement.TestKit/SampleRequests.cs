namespace CommercialManagement.TestKit;

/// <summary>What a website's contact form posts to /public/requests, for the tests of every layer.</summary>
public static class SampleRequests
{
    public static object Valid(string email, string siteKey = "valneve-office-demo") => new
    {
        siteKey,
        name = "Élodie Martin",
        email,
        phone = "+33 6 12 34 56 78",
        arrival = "2027-02-13",
        departure = "2027-02-20",
        adults = 2,
        childrenAges = new[] { 8, 5 },
        message = "Bonjour, un chalet pour la semaine ?",
        consent = true,
    };
}
