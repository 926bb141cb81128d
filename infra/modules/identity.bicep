// The one identity the function app uses for everything: storage (host, Durable task hub and the app's own data),
// Key Vault references, deployment package download and Application Insights ingestion.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity (for identity blocks, keyVaultReferenceIdentity and deployment storage).')
output resourceId string = identity.id

@description('Client id of the identity (AzureWebJobsStorage__clientId and the App Insights authentication string).')
output clientId string = identity.properties.clientId

@description('Object id of the identity\'s service principal (for role assignments).')
output principalId string = identity.properties.principalId
