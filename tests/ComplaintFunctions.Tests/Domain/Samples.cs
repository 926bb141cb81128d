using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Tests.Domain;

static class Samples
{
    public static ComplaintDetails Details(string email = "kari@example.no", string language = "nb") => new(
        new Customer("Kari Nordmann", email, "+47 912 34 567", language, Country.NO),
        new Purchase("100-2345", "UltraView 27\" monitor", "Acme", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 3)),
        ComplaintCategory.Doa,
        "Skjermen var død ved levering: ingen strøm, ingen lys.");
}
