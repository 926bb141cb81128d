// ComplaintFunctions in Azure: a Flex Consumption function app (.NET 10 isolated, Durable Functions on Azure
// Storage) with one user-assigned identity, a storage account without shared keys, a Key Vault for the secrets,
// Application Insights with local auth off and diagnostic settings into one Log Analytics workspace.
// Deploy with `azd up`, or `az deployment group create` then `func azure functionapp publish` (README, Deploy).

targetScope = 'resourceGroup'

@description('Name of the environment (azd sets it): goes into the resource token and the azd-env-name tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource; Flex Consumption must be offered there.')
param location string = resourceGroup().location

@description('Suffix that makes the resource names unique; derived from subscription, resource group and environment.')
@minLength(3)
@maxLength(13)
param resourceToken string = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Most instances the function app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Always-ready instances for the Durable Functions group; 1 is what Durable Functions on Flex advises.')
@minValue(0)
@maxValue(10)
param durableAlwaysReadyInstances int = 1

@description('Also send storage read logs (mostly Durable queue polls) to Log Analytics: costs ingestion.')
param logStorageReads bool = false

@description('SendGrid API key with Mail Send permission; written to Key Vault as SendGridApiKey.')
@secure()
param sendGridApiKey string

@description('Current link-signing key, at least 32 random characters; written to Key Vault as LinkSigningKey.')
@secure()
@minLength(32)
param linkSigningKey string

@description('Secret SendGrid Inbound Parse must present when it posts mail (at least 24 random characters); written to Key Vault as InboundSendGridSecret.')
@secure()
@minLength(24)
param inboundSendGridSecret string

@description('The signing key before the last rotation (Key Vault LinkPreviousSigningKey). Empty when no rotation is under way.')
@secure()
param linkPreviousSigningKey string = ''

@description('Until when links signed with the previous key still verify (ISO 8601, UTC). Empty: the previous key is not accepted.')
param linkPreviousKeyValidUntil string = ''

@description('Sender address of the app\'s mails (Mail__From); must be a verified SendGrid sender.')
param mailFrom string

@description('SendGrid\'s public key of the Inbound Parse security policy (Inbound__SendGridPublicKey, base64, not a secret); when set only signed posts are taken. Empty: the shared secret alone.')
param inboundSendGridPublicKey string = ''

@description('Sender display name (Mail__FromName); empty means Kundeservice.')
param mailFromName string = ''

@description('Sender display name of the customer ombudsman\'s mails to customers (Mail__OmbudsmanFromName); empty means Kundeombudsmannen.')
param mailOmbudsmanFromName string = ''

@description('Customer service address given in mails (Mail__CustomerServiceEmail).')
param mailCustomerServiceEmail string

@description('Customer service phone number given in mails (Mail__CustomerServicePhone).')
param mailCustomerServicePhone string

@description('Domain on the right of the app\'s Message-IDs (Mail__MessageIdDomain), e.g. the sender\'s domain.')
param mailMessageIdDomain string

@description('Public base URL for links in mails (Pipeline__PublicBaseUrl); empty means https://<function app host name>.')
param publicBaseUrl string = ''

@description('IANA time zone of the retailer (Pipeline__TimeZone); empty means Europe/Oslo.')
param timeZone string = ''

@description('The staff console\'s app registration in Entra ID (its application id, Console__ClientId); empty leaves the console saying its sign-in is not set up. README, "The staff console in Azure".')
param consoleClientId string = ''

@description('The Entra ID tenant staff sign in to; empty means the tenant of this deployment.')
param consoleTenantId string = ''

@description('Customer-service team address (Staff__TeamEmail).')
param staffTeamEmail string

@description('Team lead address for escalations (Staff__TeamLeadEmail).')
param staffTeamLeadEmail string

@description('Customer ombudsman address (Staff__OmbudsmanEmail).')
param staffOmbudsmanEmail string

@description('Contact for cases taken to an external dispute body (Staff__DisputeContactEmail).')
param staffDisputeContactEmail string

@description('Management address (Staff__ManagementEmail).')
param staffManagementEmail string

var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-${resourceToken}'
var identityName = 'id-${resourceToken}'
// Known before deployment, unlike the principal id: role assignments are named from it so What-If can predict them.
var identityResourceId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    publisherIdentityId: identityResourceId
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    appIdentityId: identityResourceId
    appPrincipalId: identity.outputs.principalId
    deploymentContainerName: 'app-package'
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    logStorageReads: logStorageReads
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    readerIdentityId: identityResourceId
    readerPrincipalId: identity.outputs.principalId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    sendGridApiKey: sendGridApiKey
    linkSigningKey: linkSigningKey
    linkPreviousSigningKey: linkPreviousSigningKey
    inboundSendGridSecret: inboundSendGridSecret
  }
}

// Takes its storage, vault and monitoring inputs from the modules' outputs, so it is deployed after their role
// assignments exist: the host's first start can reach storage and resolve the Key Vault references.
module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    planName: 'plan-${resourceToken}'
    name: functionAppName
    location: location
    tags: tags
    appTags: union(tags, { 'azd-service-name': 'api' })
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultName: keyVault.outputs.name
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    durableAlwaysReadyInstances: durableAlwaysReadyInstances
    // A time long past: with no date given, a previous key never verifies (fail closed, not open).
    linkPreviousKeyValidUntil: empty(linkPreviousKeyValidUntil) ? '2000-01-01T00:00:00Z' : linkPreviousKeyValidUntil
    inboundSendGridPublicKey: inboundSendGridPublicKey
    mailFrom: mailFrom
    mailFromName: empty(mailFromName) ? 'Kundeservice' : mailFromName
    mailOmbudsmanFromName: empty(mailOmbudsmanFromName) ? 'Kundeombudsmannen' : mailOmbudsmanFromName
    mailCustomerServiceEmail: mailCustomerServiceEmail
    mailCustomerServicePhone: mailCustomerServicePhone
    mailMessageIdDomain: mailMessageIdDomain
    publicBaseUrl: publicBaseUrl
    timeZone: empty(timeZone) ? 'Europe/Oslo' : timeZone
    consoleClientId: consoleClientId
    consoleAuthority: empty(consoleClientId) ? '' : '${environment().authentication.loginEndpoint}${empty(consoleTenantId) ? tenant().tenantId : consoleTenantId}/v2.0'
    staffTeamEmail: staffTeamEmail
    staffTeamLeadEmail: staffTeamLeadEmail
    staffOmbudsmanEmail: staffOmbudsmanEmail
    staffDisputeContactEmail: staffDisputeContactEmail
    staffManagementEmail: staffManagementEmail
  }
}

@description('Region the resources are in.')
output AZURE_LOCATION string = location

@description('Tenant of the subscription.')
output AZURE_TENANT_ID string = subscription().tenantId

@description('Name of the function app.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Name of the function app, under the service name azure.yaml uses.')
output SERVICE_API_NAME string = functionApp.outputs.name

@description('Public base URL of the app (links in mails start with it).')
output SERVICE_API_URI string = functionApp.outputs.publicBaseUrl

@description('Storage account of the app and the Durable task hub.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Key Vault holding the app\'s secrets.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Key Vault URI.')
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri

@description('Client id of the app\'s user-assigned managed identity.')
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('Application Insights component of the app.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
