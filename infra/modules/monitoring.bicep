// Log Analytics (where every diagnostic setting sends its logs) and a workspace-based Application Insights
// that accepts telemetry only with an Entra token: the app authenticates as its managed identity.

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Days Log Analytics keeps data (30 is the free retention for most tables).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Resource id of the app\'s managed identity, known before deployment: names the role assignment stably.')
param publisherIdentityId string

@description('Object id of that identity\'s service principal: it may publish telemetry and metrics.')
param publisherPrincipalId string

// Monitoring Metrics Publisher: what an identity needs to send telemetry when local auth is off.
var monitoringMetricsPublisherRole = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // No instrumentation-key ingestion: the connection string alone is not enough to write telemetry.
    DisableLocalAuth: true
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, publisherIdentityId, monitoringMetricsPublisherRole)
  scope: appInsights
  properties: {
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRole)
  }
}

@description('Resource id of the Log Analytics workspace, for diagnostic settings.')
output workspaceId string = workspace.id

@description('Application Insights connection string (not a secret with local auth off, but still needs a token to write).')
output applicationInsightsConnectionString string = appInsights.properties.ConnectionString

@description('Name of the Application Insights component.')
output applicationInsightsName string = appInsights.name
