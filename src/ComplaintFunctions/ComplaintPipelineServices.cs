using ComplaintFunctions.Inbound;
using ComplaintFunctions.Intake;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Settings;
using ComplaintFunctions.Staff;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;

namespace ComplaintFunctions;

/// <summary>Every service the functions use, registered once for the Functions host and the local runner alike.</summary>
public static class ComplaintPipelineServices
{
    /// <summary>
    /// The whole app on a Functions worker builder: its services and its worker middleware. The
    /// Functions host calls it from <c>Program.cs</c>; the local runner with its own builder.
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder UseComplaintPipeline(this IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddComplaintPipeline(configuration);

        // Logs, dependencies and the pipeline's metrics to Application Insights, when a connection string is set.
        builder.Services.AddComplaintApplicationInsights(configuration);

        // Storage out of reach: every HTTP door answers 503 with Retry-After, never a bare 500.
        builder.UseMiddleware<Http.StorageOutageMiddleware>();
        return builder;
    }

    public static IServiceCollection AddComplaintPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section));
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.Section));
        services.AddOptions<LinkSigningOptions>().Bind(configuration.GetSection(LinkSigningOptions.Section));
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        services.AddSingleton<AppTables>();
        services.AddSingleton<ComplaintStore>();
        services.AddHostedService<OpenCaseListBuilder>();
        services.AddHostedService<OpenCaseListSweeper>();
        services.AddSingleton<CaseEventLog>();
        services.AddSingleton<IdempotencyKeys>();

        services.AddSingleton<LinkSigner>();
        services.AddSingleton<StatusLinks>();
        services.AddSingleton<ViewTokens>();

        services.AddSingleton<ISendGridClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SendGridOptions>>().Value;
            if (string.IsNullOrWhiteSpace(o.ApiKey))
            {
                throw new InvalidOperationException("SendGrid:ApiKey is not set (SendGrid__ApiKey in app settings, a Key Vault reference in Azure).");
            }

            return new SendGridClient(new SendGridClientOptions { ApiKey = o.ApiKey, Host = string.IsNullOrWhiteSpace(o.Host) ? "https://api.sendgrid.com" : o.Host });
        });
        services.AddSingleton<SentMailLedger>();
        services.AddSingleton<MailSender>();

        services.AddSingleton<ComplaintIntake>();

        services.AddOptions<InboundOptions>().Bind(configuration.GetSection(InboundOptions.Section));
        services.AddSingleton<AppBlobs>();
        services.AddSingleton<AppQueues>();
        services.AddSingleton<CaseFileStore>();
        services.AddSingleton<RawMailStore>();
        services.AddSingleton<SendGridPostCheck>();
        services.AddSingleton<InboundMailLedger>();
        services.AddSingleton<InboxReviewList>();
        services.AddSingleton<Reports.ReportReader>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<AutomaticMailCap>();
        services.AddSingleton<InboxMailProcessor>();
        services.AddSingleton(_ => QueueRetrySettings.FromHost(configuration));

        services.AddOptions<CustomerServiceOptions>().Bind(configuration.GetSection(CustomerServiceOptions.Section));
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section));
        services.AddServiceStage(configuration);
        services.AddSingleton<CaseTexts>();
        services.AddSingleton<RepairRegister>();
        services.AddSingleton<CaseTriage>();
        services.AddSingleton<CaseMailComposer>();
        services.AddOptions<DisputeOptions>().Bind(configuration.GetSection(DisputeOptions.Section));

        services.AddOptions<StaffConsole.ConsoleOptions>().Bind(configuration.GetSection(StaffConsole.ConsoleOptions.Section));
        services.AddSingleton<StaffConsole.StaffSessions>();
        services.AddSingleton<StaffConsole.EntraSignIn>();
        services.AddSingleton<StaffConsole.ConsoleForms>();
        services.AddSingleton(_ => StaffConsole.CannedAnswers.LoadFromAppFolder());
        services.AddSingleton(_ => ComplaintFunctions.Domain.Disputes.DisputeBodyRegistry.LoadFromAppFolder());

        services.AddOptions<Privacy.RetentionOptions>().Bind(configuration.GetSection(Privacy.RetentionOptions.Section));
        services.AddSingleton<Privacy.CaseEraser>();
        services.AddSingleton<Privacy.RetentionSweep>();
        services.AddSingleton<Privacy.PersonalDataExport>();

        // Every options class above is in AppSettings.Sections: a key under those sections that none reads is warned about at start.
        services.AddHostedService(sp => new SettingsCheckService(new SettingsCheck(configuration, AppSettings.Sections), sp.GetRequiredService<ILogger<SettingsCheckService>>()));
        return services;
    }
}
