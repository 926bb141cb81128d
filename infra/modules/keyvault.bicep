// The app's secrets: the SendGrid API key and the two link-signing keys. The app never holds them in its own
// settings; App Service resolves Key Vault references with the app's user-assigned identity.

@description('Name of the Key Vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Resource id of the app\'s managed identity, known before deployment: names the role assignment stably.')
param readerIdentityId string

@description('Object id of that identity\'s service principal: it may read secrets.')
param readerPrincipalId string

@description('Log Analytics workspace for the vault\'s audit log.')
param logAnalyticsWorkspaceId string

@description('SendGrid API key (Mail Send permission).')
@secure()
param sendGridApiKey string

@description('Key new links are signed with: at least 32 characters.')
@secure()
@minLength(32)
param linkSigningKey string

@description('Key before the last rotation; links signed with it verify until Links__PreviousKeyValidUntil. Empty when no rotation is under way.')
@secure()
param linkPreviousSigningKey string = ''

@description('Secret SendGrid Inbound Parse presents (?key= or basic-auth password) when it posts mail.')
@secure()
@minLength(24)
param inboundSendGridSecret string

// Key Vault Secrets User: read secret values, nothing else.
var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

// With no rotation under way the previous-key secret holds the current key: the app's fallback check then
// accepts nothing the current key would not, and the Key Vault reference always resolves. An unresolved
// reference would hand the app the reference text itself, a public string, as a signing key.
var secretValues = {
  SendGridApiKey: sendGridApiKey
  LinkSigningKey: linkSigningKey
  LinkPreviousSigningKey: empty(linkPreviousSigningKey) ? linkSigningKey : linkPreviousSigningKey
  InboundSendGridSecret: inboundSendGridSecret
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for secret in items(secretValues): {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
      contentType: 'text/plain'
    }
  }
]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerIdentityId, secretsUserRole)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'audit'
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

@description('Name of the vault, for the @Microsoft.KeyVault(VaultName=...) references.')
output name string = vault.name

@description('Vault URI.')
output uri string = vault.properties.vaultUri
