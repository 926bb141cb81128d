using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Workflow;

namespace ComplaintFunctions.Settings;

/// <summary>
/// Every configuration section the app binds and its options class, as <c>AddComplaintPipeline</c>
/// and <c>AddServiceStage</c> bind them (a test keeps this list and those registrations in step).
/// </summary>
public static class AppSettings
{
    public static IReadOnlyList<SettingsSection> Sections { get; } =
    [
        new(PipelineOptions.Section, typeof(PipelineOptions)),
        new(MailOptions.Section, typeof(MailOptions)),
        new(SendGridOptions.Section, typeof(SendGridOptions)),
        new(LinkSigningOptions.Section, typeof(LinkSigningOptions)),
        new(InboundOptions.Section, typeof(InboundOptions)),
        new(StaffOptions.Section, typeof(StaffOptions)),
        new(CustomerServiceOptions.Section, typeof(CustomerServiceOptions)),
        new(BusinessHoursOptions.DefaultSection, typeof(BusinessHoursOptions)),
        .. Enum.GetValues<Country>().Select(country => new SettingsSection(BusinessHoursOptions.SectionFor(country), typeof(BusinessHoursOptions))),
        new(TriageOptions.Section, typeof(TriageOptions)),
        new(DisputeOptions.Section, typeof(DisputeOptions)),
        new(StaffConsole.ConsoleOptions.Section, typeof(StaffConsole.ConsoleOptions)),
        new(Privacy.RetentionOptions.Section, typeof(Privacy.RetentionOptions)),
    ];
}
