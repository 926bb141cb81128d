using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ComplaintFunctions.Domain.Tests.Support.Local;

namespace ComplaintFunctions.Domain.Tests.Staff;

public class ServiceStageServicesTests
{
    static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddServiceStage(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Each_country_reads_its_own_business_hours_section_and_keeps_the_defaults_elsewhere()
    {
        using var services = Build(new()
        {
            ["BusinessHours:SE:Friday"] = "08:00-15:00",
            ["BusinessHours:SE:Saturday"] = "10:00-14:00",
            ["BusinessHours:SE:ExtraClosedDates:0"] = "2027-11-10",
            ["BusinessHours:FI:TimeZone"] = "Europe/Stockholm",
        });
        var calendars = services.GetRequiredService<BusinessCalendars>();

        var sweden = calendars.For(Country.SE);
        Assert.False(sweden.IsOpen(Stockholm(2027, 11, 5, 15, 30)));
        Assert.True(sweden.IsOpen(Stockholm(2027, 11, 13, 11, 0)));
        Assert.False(sweden.IsBusinessDay(new DateOnly(2027, 11, 10)));

        var norway = calendars.For(Country.NO);
        Assert.True(norway.IsOpen(Oslo(2027, 11, 5, 15, 30)));
        Assert.False(norway.IsBusinessDay(new DateOnly(2027, 11, 13)));
        Assert.Equal("Europe/Stockholm", calendars.For(Country.FI).TimeZone.Id);
    }

    [Fact]
    public void A_weekday_set_to_closed_in_configuration_is_closed()
    {
        using var services = Build(new() { ["BusinessHours:DK:Monday"] = "closed" });

        Assert.Empty(services.GetRequiredService<BusinessCalendars>().For(Country.DK).HoursOn(DayOfWeek.Monday));
    }

    [Fact]
    public void A_misspelt_opening_time_fails_naming_the_setting()
    {
        using var services = Build(new() { ["BusinessHours:NO:Wednesday"] = "8.00-16.00" });

        var e = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<BusinessCalendars>());

        Assert.Contains("BusinessHours:NO:Wednesday", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_limits_bind_from_the_Triage_section()
    {
        using var services = Build(new() { ["Triage:LongLivedGoodsYears:SE"] = "4" });

        var options = services.GetRequiredService<IOptions<TriageOptions>>().Value;

        Assert.Equal(4, options.LongLivedGoodsYearsFor(Country.SE));
        Assert.Equal(3, options.ClaimYearsFor(Country.SE));
    }

    [Fact]
    public void The_manufacturer_directory_is_loaded_from_the_app_folder()
    {
        using var services = Build([]);

        Assert.Empty(services.GetRequiredService<ManufacturerDirectory>().Problems());
    }
}
