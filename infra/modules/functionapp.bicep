// The Function App on the Flex Consumption plan (Linux, .NET 10 isolated worker) and every app setting it reads.
// Flex takes the runtime from functionAppConfig: FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are
// rejected there, and the package comes from a blob container rather than WEBSITE_RUN_FROM_PACKAGE.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app (also its host name: <name>.azurewebsites.net).')
param name string

@description('Azure region.')
param location string

@description('Tags for the plan.')
param tags object

@description('Tags for the app (azd finds the app to deploy by its azd-service-name tag).')
param appTags object

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityResourceId string

@description('Client id of that identity.')
param identityClientId string

@description('Storage account holding the host\'s, Durable Functions\' and the app\'s data.')
param storageAccountName string

@description('Blob endpoint of the storage account.')
param storageBlobEndpoint string

@description('Queue endpoint of the storage account.')
param storageQueueEndpoint string

@description('Table endpoint of the storage account.')
param storageTableEndpoint string

@description('URL of the blob container the app package is deployed to.')
param deploymentContainerUrl string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Key Vault holding SendGridApiKey, LinkSigningKey, LinkPreviousSigningKey and InboundSendGridSecret.')
param keyVaultName string

@description('Log Analytics workspace for the app\'s diagnostic settings.')
param logAnalyticsWorkspaceId string

@description('Most instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Instances kept running for the Durable Functions triggers (orchestrations, activities, entities).')
@minValue(0)
param durableAlwaysReadyInstances int

@description('Time after which links signed with the previous key stop verifying (ISO 8601).')
param linkPreviousKeyValidUntil string

@description('SendGrid\'s public key for signed Inbound Parse posts; empty means the shared secret alone.')
param inboundSendGridPublicKey string

@description('Sender address of the app\'s mails.')
param mailFrom string

@description('Sender display name.')
param mailFromName string

@description('Sender display name of the customer ombudsman\'s mails to customers, sent from the ombudsman\'s address.')
param mailOmbudsmanFromName string

@description('Customer service address the mails tell customers to write to.')
param mailCustomerServiceEmail string

@description('Customer service phone number the mails give.')
param mailCustomerServicePhone string

@description('Right-hand side of the Message-IDs the app signs and sends.')
param mailMessageIdDomain string

@description('Public base URL for links in mails; empty means https://<the app\'s default host name>.')
param publicBaseUrl string

@description('IANA time zone of the retailer, for "today" in date checks.')
param timeZone string

@description('The staff console\'s app registration (application id); empty: no sign-in.')
param consoleClientId string

@description('Where staff sign in: https://login.microsoftonline.com/<tenant>/v2.0; empty: no sign-in.')
param consoleAuthority string

@description('Address of the customer-service team.')
param staffTeamEmail string

@description('Language of the staff mails: nb or en (Staff__Language).')
param staffLanguage string = 'nb'

@description('Address of the team lead (escalations).')
param staffTeamLeadEmail string

@description('Address of the customer ombudsman.')
param staffOmbudsmanEmail string

@description('Address of the person who handles cases taken to an external dispute body.')
param staffDisputeContactEmail string

@description('Address of management (reports, final escalations).')
param staffManagementEmail string

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: appTags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // Durable Functions on Flex: an always-ready instance in the durable group keeps the task hub's
        // queues drained without waiting for the scale controller to notice work.
        alwaysReady: [
          {
            name: 'durable'
            instanceCount: durableAlwaysReadyInstances
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

var effectivePublicBaseUrl = empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Storage for the host and the Durable task hub, as the managed identity: no keys, no connection string.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
    AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
    AzureWebJobsStorage__tableServiceUri: storageTableEndpoint

    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

    // Secrets: resolved by App Service from Key Vault with keyVaultReferenceIdentity; no version, so the
    // newest version is picked up after a rotation (at the next restart, or within a day).
    SendGrid__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=SendGridApiKey)'
    Links__SigningKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=LinkSigningKey)'
    Links__PreviousSigningKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=LinkPreviousSigningKey)'
    Links__PreviousKeyValidUntil: linkPreviousKeyValidUntil
    Inbound__SendGridSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=InboundSendGridSecret)'
    Inbound__SendGridPublicKey: inboundSendGridPublicKey

    Mail__From: mailFrom
    Mail__FromName: mailFromName
    Mail__OmbudsmanFromName: mailOmbudsmanFromName
    Mail__CustomerServiceEmail: mailCustomerServiceEmail
    Mail__CustomerServicePhone: mailCustomerServicePhone
    Mail__MessageIdDomain: mailMessageIdDomain

    Pipeline__PublicBaseUrl: effectivePublicBaseUrl
    Pipeline__TimeZone: timeZone

    // The staff console signs in at Entra ID and checks the ID token in the worker (README, "The staff console in Azure").
    Console__Authority: consoleAuthority
    Console__ClientId: consoleClientId

    Staff__TeamEmail: staffTeamEmail
    Staff__Language: staffLanguage
    Staff__TeamLeadEmail: staffTeamLeadEmail
    Staff__OmbudsmanEmail: staffOmbudsmanEmail
    Staff__DisputeContactEmail: staffDisputeContactEmail
    Staff__ManagementEmail: staffManagementEmail
  }
}

// Deployments authenticate with Entra ID (azd, func, az); publishing user names and passwords stay off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: app
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Name of the function app.')
output name string = app.name

@description('Default host name of the function app.')
output defaultHostName string = app.properties.defaultHostName

@description('Public base URL the app puts in its links.')
output publicBaseUrl string = effectivePublicBaseUrl
