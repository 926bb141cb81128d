// One storage account for the Functions host, the Durable task hub (ComplaintHub: its queues, tables and blobs
// are created by the runtime) and the app's own data. Shared keys are off: every caller uses an Entra identity.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Replication: LRS is enough for a single-region app; ZRS survives the loss of a zone.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

@description('Resource id of the app\'s managed identity, known before deployment: names the role assignment stably.')
param appIdentityId string

@description('Object id of that identity\'s service principal: it gets the blob, queue and table data roles.')
param appPrincipalId string

@description('Blob container the Flex Consumption plan deploys the app package to.')
param deploymentContainerName string

@description('Log Analytics workspace for the storage diagnostic settings.')
param logAnalyticsWorkspaceId string

@description('Also log reads. Durable Functions polls its queues all the time, so reads are most of the log volume (see the README, Deploy, cost).')
param logStorageReads bool = false

// The app's own tables, queues and containers (src/ComplaintFunctions/Storage and docs/api.md name them).
var tableNames = [
  'complaints'
  'caseevents'
  'idempotencykeys'
  'sentmail'
  'inboundmail'
  'inboxreview'
  'automailcount'
  'casetexts'
  'usedactionlinks'
  'routinenotes'
  'opencases'
  'repairs'
]
var queueNames = [
  'complaint-inbox'
  'complaint-inbox-poison'
]
var containerNames = [
  'raw-mail'
  'attachments'
  'case-files'
  deploymentContainerName
]

// Data roles the host and Durable Functions need on Azure Storage: blobs (leases, large payloads, the package),
// queues (control and work-item queues, the app's inbox) and tables (history and instances, the app's tables).
var dataRoles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

var writeAndDeleteLogs = [
  {
    category: 'StorageWrite'
    enabled: true
  }
  {
    category: 'StorageDelete'
    enabled: true
  }
]
var serviceLogs = logStorageReads
  ? concat([{ category: 'StorageRead', enabled: true }], writeAndDeleteLogs)
  : writeAndDeleteLogs
var transactionMetrics = [
  {
    category: 'Transaction'
    enabled: true
  }
]

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource dataRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(dataRoles): {
    name: guid(account.id, appIdentityId, role.value)
    scope: account
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    }
  }
]

resource accountDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    metrics: transactionMetrics
  }
}

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: serviceLogs
    metrics: transactionMetrics
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: queueService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: serviceLogs
    metrics: transactionMetrics
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: serviceLogs
    metrics: transactionMetrics
  }
}

@description('Name of the storage account (AzureWebJobsStorage__accountName).')
output name string = account.name

@description('Blob endpoint of the account.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Queue endpoint of the account.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('Table endpoint of the account.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('URL of the container the Flex plan deploys the app package to.')
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
