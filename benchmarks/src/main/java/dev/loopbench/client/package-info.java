/**
 * loopbench's load client: the wave of N concurrent requests on warm keep-alive connections
 * ({@link dev.loopbench.client.WaveClient}: the core {@code HttpClient} by default, the Web Client
 * with {@code -p client=web}), the bystanders that watch the event loop during it,
 * and how every loopbench client speaks HTTP. It knows URLs, not servers: it uses nothing from the
 * other packages but {@code model}.
 */
package dev.loopbench.client;
