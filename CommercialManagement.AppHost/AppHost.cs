using CommercialManagement.AppHost.Infrastructure;
using CommercialManagement.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);
// A service that crashes is started again by the AppHost, as an orchestrator would (DCP alone leaves it down).
builder.AddProcessSupervisor();

var infrastructure = builder.AddInfrastructure();
var mail = builder.AddMailCatcher();
// Only the gateway signs what services and the API accept; each project gets the keys of its role (TokenKeys.GivenTo).
var tokenKeys = builder.AddTokenKeys();

var inbox = builder.AddProject<Projects.CommercialManagement_Inbox_Api>(ResourceNames.InboxApi)
    .WithTopologyReplicas()
    .WithSchedulerSettings()
    .WithTokenKeys(tokenKeys)
    .WithInfrastructure(infrastructure, ResourceNames.InboxDb)
    .WithBenchIntakeLimits()
    .WithReplyMailboxes(mail)
    .WithHttpHealthCheck("/health");

var dossier = builder.AddProject<Projects.CommercialManagement_Dossier_Api>(ResourceNames.DossierApi)
    .WithTopologyReplicas()
    .WithSchedulerSettings()
    .WithTokenKeys(tokenKeys)
    .WithInfrastructure(infrastructure, ResourceNames.DossierDb)
    .WithHttpHealthCheck("/health");

var quote = builder.AddProject<Projects.CommercialManagement_Quote_Api>(ResourceNames.QuoteApi)
    .WithTopologyReplicas()
    .WithSchedulerSettings()
    .WithTokenKeys(tokenKeys)
    .WithInfrastructure(infrastructure, ResourceNames.QuoteDb)
    .WithHttpHealthCheck("/health");

var payment = builder.AddProject<Projects.CommercialManagement_Payment_Api>(ResourceNames.PaymentApi)
    .WithTopologyReplicas()
    .WithSchedulerSettings()
    .WithTokenKeys(tokenKeys)
    .WithInfrastructure(infrastructure, ResourceNames.PaymentDb)
    .WithStripeKeys()
    .WithHttpHealthCheck("/health");

var notification = builder.AddProject<Projects.CommercialManagement_Notification_Worker>(ResourceNames.NotificationWorker)
    .WithTopologyReplicas()
    .WithSchedulerSettings()
    .WithTokenKeys(tokenKeys)
    .WithBenchEmailLimits()
    .WithInfrastructure(infrastructure, ResourceNames.NotificationDb)
    // No WaitFor on the mail catcher (its start took ~20 s under a starting system and held every service behind it): an
    // email tried before it answers is a temporary failure, tried again 5 s later.
    .WithReference(mail.Smtp)
    // The PDFs to attach, a quote's and an invoice's. No WaitFor: acknowledgements and replies go out while Quote and
    // Payment start; an email whose PDF cannot be had yet is retried.
    .WithReference(quote)
    .WithReference(payment)
    .WithHttpHealthCheck("/health");

// A message published before its consumers' queues exist reaches nobody: on a first start, the publishers (Inbox with
// its demo requests, the gateway with the organisations and staff) wait until every consumer's bus is ready (/health).
// The gateway does not wait for Inbox: it consumes nothing Inbox publishes, and Inbox consumes nothing the gateway does,
// so the two start side by side.
inbox.WaitFor(dossier).WaitFor(quote).WaitFor(payment).WaitFor(notification);

var gateway = builder.AddProject<Projects.CommercialManagement_Gateway>(ResourceNames.Gateway)
    .WithTopologyReplicas()
    .WithSchedulerSettings()
    .WithTokenKeys(tokenKeys)
    .WithInfrastructure(infrastructure, ResourceNames.IdentityDb)
    .WithBenchCustomerSpaceLimits()
    .WithReference(inbox)
    .WithReference(dossier).WaitFor(dossier)
    .WithReference(quote).WaitFor(quote)
    .WithReference(payment).WaitFor(payment)
    .WithReference(notification).WaitFor(notification)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// The destination's website with the embedded form, on another origin (http://localhost:5102).
var demoWebsite = builder.AddProject<Projects.CommercialManagement_DemoWebsite>(ResourceNames.DemoWebsite)
    .WithEnvironment("Gateway__Url", gateway.GetEndpoint("http"))
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");
inbox.WithEnvironment("Demo__WebsiteOrigin", demoWebsite.GetEndpoint("http"));

// The links in the emails (customer space, back office) point at the gateway's public address. A customer email's failure
// report goes back to the organisation's reply mailbox (the mail catcher's here), where Inbox marks the address failing.
notification.WithEnvironment("Email__PublicBaseUrl", gateway.GetEndpoint("http"))
    .WithEnvironment("Email__BouncesToReplyMailbox", "true");
gateway.WithEnvironment("Gateway__PublicBaseUrl", gateway.GetEndpoint("http"));

builder.Build().Run();
