using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Links;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Staff;

/// <summary>
/// The business calendar of each country, built once from <c>BusinessHours:{Country}</c>. A bad
/// setting fails when the calendars are first needed, naming the setting.
/// </summary>
public sealed class BusinessCalendars
{
    readonly Dictionary<Country, BusinessCalendar> calendars;

    public BusinessCalendars(IOptionsMonitor<BusinessHoursOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        calendars = Enum.GetValues<Country>().ToDictionary(c => c, c => new BusinessCalendar(c, options.Get(c.ToString())));
    }

    public BusinessCalendar For(Country country) =>
        calendars.TryGetValue(country, out var calendar)
            ? calendar
            : throw new ArgumentOutOfRangeException(nameof(country), country, "No business calendar for this country.");
}

/// <summary>Registrations of the customer-service stage's building blocks, for <c>AddComplaintPipeline</c> to call.</summary>
public static class ServiceStageServices
{
    /// <summary>
    /// Business calendars (named <see cref="BusinessHoursOptions"/> per country code), <see cref="TriageOptions"/>,
    /// the manufacturer directory from the app folder, action tokens and the one-time-use store.
    /// Expects <see cref="LinkSigner"/> and <c>AppTables</c> to be registered (they are, by <c>AddComplaintPipeline</c>).
    /// </summary>
    public static IServiceCollection AddServiceStage(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var country in Enum.GetValues<Country>())
        {
            // BusinessHours:Default first (one place for hours all countries share), then the country's own section.
            services.AddOptions<BusinessHoursOptions>(country.ToString())
                .Bind(configuration.GetSection(BusinessHoursOptions.DefaultSection))
                .Bind(configuration.GetSection(BusinessHoursOptions.SectionFor(country)));
        }

        services.AddOptions<TriageOptions>().Bind(configuration.GetSection(TriageOptions.Section));
        services.AddSingleton<BusinessCalendars>();
        services.AddSingleton(_ => ManufacturerDirectory.LoadFromAppFolder());
        services.AddSingleton<ActionTokens>();
        services.AddSingleton<UsedActionLinks>();
        services.AddSingleton<Actions.CaseStepTaker>();
        return services;
    }
}
