// Starts Blazor with its circuit on one WebSocket opened directly, without the negotiate request first. A negotiate
// request and the socket that follows may reach two different gateways (two replicas behind a proxy that spreads
// connections, as `--Topology:Replicas=2` runs locally), and the second would not know the first's connection: the page
// would never become interactive. One socket stays on one gateway for the circuit's life; no sticky session needed.
Blazor.start({
  circuit: {
    configureSignalR: builder => builder.withUrl('_blazor', { skipNegotiation: true, transport: 1 /* WebSockets */ }),
  },
});
