using System.Text.Json.Nodes;
using Xunit;

namespace ComplaintFunctions.Infra.Tests;

/// <summary>What infra/main.bicep promises, read from the ARM JSON the Bicep CLI compiles it to.</summary>
public sealed class InfrastructurePromisesTests
{
    const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    static readonly CompiledTemplate Template = CompiledTemplate.MainTemplate;

    [Fact]
    public void Storage_connection_uses_the_managed_identity()
    {
        var settings = Template.AppSettings();

        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        AssertIsModuleOutput("identity", "clientId", Template.Module("functionapp")["properties"]!["parameters"]!["identityClientId"]!["value"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public void No_storage_key_or_connection_string_appears_anywhere()
    {
        foreach (var forbidden in new[] { "listKeys", "listAccountSas", "listServiceSas", "AccountKey", "DefaultEndpointsProtocol", "SharedAccessSignature" })
        {
            Assert.DoesNotContain(forbidden, Template.Text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(Template.AppSettings(), setting =>
            setting.Key.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) && setting.Key != "APPLICATIONINSIGHTS_CONNECTION_STRING");
    }

    [Fact]
    public void Storage_account_refuses_shared_keys()
    {
        var account = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("StorageV2", (string?)account.Resource["kind"]);
        Assert.False((bool)account.Properties["allowSharedKeyAccess"]!);
        Assert.False((bool)account.Properties["allowBlobPublicAccess"]!);
        Assert.True((bool)account.Properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)account.Properties["minimumTlsVersion"]);
    }

    [Fact]
    public void App_identity_holds_the_blob_queue_and_table_data_roles_on_the_storage_account()
    {
        var granted = RolesGrantedOn("Microsoft.Storage/storageAccounts");

        Assert.Contains(StorageBlobDataOwner, granted);
        Assert.Contains(StorageQueueDataContributor, granted);
        Assert.Contains(StorageTableDataContributor, granted);
    }

    [Fact]
    public void App_identity_may_publish_telemetry_and_read_secrets()
    {
        Assert.Contains(MonitoringMetricsPublisher, RolesGrantedOn("Microsoft.Insights/components"));
        Assert.Contains(KeyVaultSecretsUser, RolesGrantedOn("Microsoft.KeyVault/vaults"));
    }

    [Fact]
    public void Role_assignments_go_to_the_app_identity_as_a_service_principal()
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments");

        Assert.Equal(3, assignments.Count);
        Assert.All(assignments, assignment =>
        {
            Assert.Equal("ServicePrincipal", (string?)assignment.Properties["principalType"]);
            AssertIsModuleOutput("identity", "principalId", Template.Resolve(assignment.Module, assignment.Properties["principalId"]));
        });
    }

    [Fact]
    public void Secrets_reach_the_app_as_key_vault_references()
    {
        var settings = Template.AppSettings();

        foreach (var (setting, secret) in new[] { ("SendGrid__ApiKey", "SendGridApiKey"), ("Links__SigningKey", "LinkSigningKey"), ("Links__PreviousSigningKey", "LinkPreviousSigningKey"), ("Inbound__SendGridSecret", "InboundSendGridSecret") })
        {
            Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName=", settings[setting], StringComparison.Ordinal);
            Assert.Contains($"SecretName={secret})'", settings[setting], StringComparison.Ordinal);
        }

        var site = Template.Single("Microsoft.Web/sites");
        Assert.Equal("[parameters('identityResourceId')]", (string?)site.Properties["keyVaultReferenceIdentity"]);
        Assert.Equal(
            new HashSet<string>(StringComparer.Ordinal) { "SendGridApiKey", "LinkSigningKey", "LinkPreviousSigningKey", "InboundSendGridSecret" },
            TemplateExpressions.Names(Template.Single("Microsoft.KeyVault/vaults/secrets")));
    }

    [Fact]
    public void Key_vault_authorizes_with_RBAC_and_keeps_deleted_secrets()
    {
        var vault = Template.Single("Microsoft.KeyVault/vaults").Properties;

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
    }

    [Fact]
    public void Secret_values_come_from_secure_parameters()
    {
        foreach (var name in new[] { "sendGridApiKey", "linkSigningKey", "linkPreviousSigningKey" })
        {
            Assert.Equal("securestring", (string?)Template.Root["parameters"]![name]!["type"]);
        }

        Assert.Null(Template.Root["parameters"]!["sendGridApiKey"]!["defaultValue"]);
        Assert.Null(Template.Root["parameters"]!["linkSigningKey"]!["defaultValue"]);
    }

    [Fact]
    public void Function_app_runs_on_a_flex_consumption_linux_plan()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan.Resource["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan.Resource["sku"]!["tier"]);
        Assert.True((bool)plan.Properties["reserved"]!);

        var site = Template.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site.Resource["kind"]);
        var config = site.Properties["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal(2048, (int)Template.Resolve(site.Module, config["scaleAndConcurrency"]!["instanceMemoryMB"])!);
        Assert.NotNull(Template.Resolve(site.Module, config["scaleAndConcurrency"]!["maximumInstanceCount"]));
    }

    [Fact]
    public void Function_app_deploys_from_a_blob_container_with_its_identity()
    {
        var site = Template.Single("Microsoft.Web/sites");
        var storage = site.Properties["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal("[parameters('identityResourceId')]", (string?)storage["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.Contains("app-package", TemplateExpressions.Names(Template.Single("Microsoft.Storage/storageAccounts/blobServices/containers"))
            .Select(name => Template.Resolve("storage", JsonValue.Create(name))!.ToString()));
    }

    [Fact]
    public void Durable_functions_keep_an_always_ready_instance()
    {
        var site = Template.Single("Microsoft.Web/sites");
        var alwaysReady = site.Properties["functionAppConfig"]!["scaleAndConcurrency"]!["alwaysReady"]!.AsArray();

        var durable = Assert.Single(alwaysReady, entry => (string?)entry!["name"] == "durable")!;
        Assert.True((int)Template.Resolve(site.Module, durable["instanceCount"])! >= 1);
    }

    [Fact]
    public void Runtime_is_left_to_function_app_config_as_flex_requires()
    {
        foreach (var setting in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING" })
        {
            Assert.DoesNotContain(setting, Template.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Application_insights_accepts_only_entra_authenticated_telemetry()
    {
        var component = Template.Single("Microsoft.Insights/components").Properties;
        Assert.True((bool)component["DisableLocalAuth"]!);
        Assert.NotNull(component["WorkspaceResourceId"]);

        var settings = Template.AppSettings();
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Equal("[parameters('applicationInsightsConnectionString')]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Fact]
    public void App_tables_queues_and_containers_exist_in_the_storage_account()
    {
        Assert.Equal(
            // Every table the app uses, read from the app itself, so the two never drift apart.
            ComplaintFunctions.Storage.TableNames.All.ToHashSet(StringComparer.Ordinal),
            TemplateExpressions.Names(Template.Single("Microsoft.Storage/storageAccounts/tableServices/tables")));
        Assert.Equal(
            new HashSet<string>(StringComparer.Ordinal) { "complaint-inbox", "complaint-inbox-poison" },
            TemplateExpressions.Names(Template.Single("Microsoft.Storage/storageAccounts/queueServices/queues")));
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal) { ComplaintFunctions.Storage.ContainerNames.RawMail, ComplaintFunctions.Storage.ContainerNames.Attachments, "case-files" },
            TemplateExpressions.Names(Template.Single("Microsoft.Storage/storageAccounts/blobServices/containers")).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Diagnostic_settings_send_app_storage_and_vault_logs_to_log_analytics()
    {
        var settings = Template.OfType("Microsoft.Insights/diagnosticSettings");
        var scopes = settings.Select(s => (string)s.Resource["scope"]!).ToList();

        foreach (var target in new[] { "'Microsoft.Web/sites'", "'Microsoft.Storage/storageAccounts/blobServices'", "'Microsoft.Storage/storageAccounts/queueServices'", "'Microsoft.Storage/storageAccounts/tableServices'", "'Microsoft.KeyVault/vaults'" })
        {
            Assert.Contains(scopes, scope => scope.Contains(target, StringComparison.Ordinal));
        }

        Assert.All(settings, s => AssertIsModuleOutput("monitoring", "workspaceId", Template.Resolve(s.Module, s.Properties["workspaceId"])));
    }

    [Fact]
    public void Every_app_setting_the_app_reads_is_set()
    {
        var settings = Template.AppSettings();

        // local.settings.sample.json lists every setting the app reads; each must reach the app in Azure,
        // except those the Functions runtime or Flex sets itself and the local runner's SendGrid pointer.
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "local.settings.sample.json")))!["Values"]!.AsObject();
        var exempt = new HashSet<string>(StringComparer.Ordinal) { "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage", "SendGrid__Host" };
        foreach (var name in sample.Select(p => p.Key).Where(k => !exempt.Contains(k) && !HasCodeDefault(k)))
        {
            Assert.True(settings.ContainsKey(name), $"{name} is not set.");
        }

        foreach (var name in new[] { "Staff__TeamEmail", "Staff__TeamLeadEmail", "Staff__OmbudsmanEmail", "Staff__DisputeContactEmail", "Staff__ManagementEmail" })
        {
            Assert.True(settings.ContainsKey(name), $"{name} is not set.");
        }
    }

    // Clocks, limits and opening hours have working defaults in code; Azure sets them only to change them.
    static bool HasCodeDefault(string setting) =>
        new[] { "Inbound__Max", "CustomerService__", "BusinessHours__", "Triage__", "Disputes__", "Retention__", "Console__SessionLifetime", "Console__MaxTextLength", "Console__ListSweepEvery" }.Any(prefix => setting.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void Outputs_give_azd_the_function_app()
    {
        var outputs = Template.Root["outputs"]!.AsObject();

        foreach (var name in new[] { "AZURE_FUNCTION_APP_NAME", "SERVICE_API_NAME", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_KEY_VAULT_NAME", "AZURE_LOCATION" })
        {
            Assert.True(outputs.ContainsKey(name), $"Output {name} is missing.");
        }

        var tags = (string)Template.Module("functionapp")["properties"]!["parameters"]!["appTags"]!["value"]!;
        Assert.Contains("'azd-service-name', 'api'", tags, StringComparison.Ordinal);
    }

    /// <summary>The value is main's reference to an output of one of its modules.</summary>
    static void AssertIsModuleOutput(string module, string output, JsonNode? value)
    {
        var expression = value?.ToString() ?? string.Empty;
        Assert.StartsWith($"[reference(resourceId('Microsoft.Resources/deployments', '{module}')", expression, StringComparison.Ordinal);
        Assert.EndsWith($".outputs.{output}.value]", expression, StringComparison.Ordinal);
    }

    static HashSet<string> RolesGrantedOn(string resourceType) =>
        Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => ((string?)a.Resource["scope"] ?? string.Empty).Contains($"resourceId('{resourceType}'", StringComparison.Ordinal))
            .SelectMany(TemplateExpressions.RoleIds)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
