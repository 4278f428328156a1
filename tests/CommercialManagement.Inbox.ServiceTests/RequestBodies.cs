namespace CommercialManagement.Inbox.ServiceTests;

internal static class RequestBodies
{
    public static object Valid(string email) => new
    {
        siteKey = "valneve-office-demo",
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
