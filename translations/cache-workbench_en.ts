<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>cwb::BenchmarksPage</name>
    <message>
        <location filename="../widgets/pages/benchmarkspage.cpp" line="+13"/>
        <source>Benchmarks</source>
        <translation>Benchmarks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run repeatable benchmark suites and compare the results with redis-benchmark on this machine.</source>
        <translation>Run repeatable benchmark suites and compare the results with redis-benchmark on this machine.</translation>
    </message>
</context>
<context>
    <name>cwb::ClusterPage</name>
    <message>
        <location filename="../widgets/pages/clusterpage.cpp" line="+13"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>See the cluster&apos;s nodes, slot ranges and replicas, and how load spreads over the shards.</source>
        <translation>See the cluster&apos;s nodes, slot ranges and replicas, and how load spreads over the shards.</translation>
    </message>
</context>
<context>
    <name>cwb::LoadTestPage</name>
    <message>
        <location filename="../widgets/pages/loadtestpage.cpp" line="+13"/>
        <source>Load Test</source>
        <translation>Load Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configure a load test against the target server and watch throughput, latency and errors live.</source>
        <translation>Configure a load test against the target server and watch throughput, latency and errors live.</translation>
    </message>
</context>
<context>
    <name>cwb::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="+55"/>
        <source>Cache Workbench</source>
        <translation>Cache Workbench</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Starting a local Redis Cluster sandbox…</source>
        <translation>Starting a local Redis Cluster sandbox…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting a local Redis sandbox…</source>
        <translation>Starting a local Redis sandbox…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Local sandbox stopped</source>
        <translation>Local sandbox stopped</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a page (Ctrl+1 to Ctrl+7)</source>
        <translation>Choose a page (Ctrl+1 to Ctrl+7)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Load Test</source>
        <translation>Load Test</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Configure and run a load test</source>
        <translation>Configure and run a load test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benchmarks</source>
        <translation>Benchmarks</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run benchmark suites</source>
        <translation>Run benchmark suites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inspect the cluster topology</source>
        <translation>Inspect the cluster topology</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimisation</source>
        <translation>Optimisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check settings and get tuning advice</source>
        <translation>Check settings and get tuning advice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warming</source>
        <translation>Warming</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pre-load the cache</source>
        <translation>Pre-load the cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Watch the server live</source>
        <translation>Watch the server live</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Browse, compare and export past runs</source>
        <translation>Browse, compare and export past runs</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Configuration…</source>
        <translation>&amp;Open Configuration…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a saved load test configuration</source>
        <translation>Open a saved load test configuration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Configuration…</source>
        <translation>&amp;Save Configuration…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the current load test configuration (without passwords)</source>
        <translation>Save the current load test configuration (without passwords)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Results…</source>
        <translation>&amp;Export Results…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the selected results as CSV, JSON or a report</source>
        <translation>Export the selected results as CSV, JSON or a report</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit Cache Workbench and stop any local sandbox</source>
        <translation>Quit Cache Workbench and stop any local sandbox</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the configured run</source>
        <translation>Start the configured run</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the run in progress</source>
        <translation>Stop the run in progress</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Full Screen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the whole screen for the window</source>
        <translation>Use the whole screen for the window</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change the interface language and other preferences</source>
        <translation>Change the interface language and other preferences</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Cache Workbench</source>
        <translation>&amp;About Cache Workbench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version and licence information</source>
        <translation>Version and licence information</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Qt version this program uses</source>
        <translation>The Qt version this program uses</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection to the target server</source>
        <translation>Connection to the target server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redis version of the target server</source>
        <translation>Redis version of the target server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory used by the target server when it was last read</source>
        <translation>Memory used by the target server when it was last read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State of the current run</source>
        <translation>State of the current run</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connected to %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis %1</source>
        <translation>Redis %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 used</source>
        <translation>%1 used</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+8"/>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Local sandbox running at %1; it stops when you quit</source>
        <translation>Local sandbox running at %1; it stops when you quit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The local sandbox did not start.</source>
        <translation>The local sandbox did not start.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The new language takes effect the next time Cache Workbench starts.</source>
        <translation>The new language takes effect the next time Cache Workbench starts.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About Cache Workbench</source>
        <translation>About Cache Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Cache Workbench %1&lt;/h3&gt;&lt;p&gt;Load tests, benchmarks, cluster inspection, cache warming and monitoring for Redis used as a cache.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cache Workbench %1&lt;/h3&gt;&lt;p&gt;Load tests, benchmarks, cluster inspection, cache warming and monitoring for Redis used as a cache.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>cwb::MessageBar</name>
    <message>
        <location filename="../widgets/messagebar.cpp" line="+70"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the full error text</source>
        <translation>Show or hide the full error text</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dismiss this message</source>
        <translation>Dismiss this message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>cwb::MonitoringPage</name>
    <message>
        <location filename="../widgets/pages/monitoringpage.cpp" line="+13"/>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch hit ratio, memory, evictions and commands per second of the target server over time.</source>
        <translation>Watch hit ratio, memory, evictions and commands per second of the target server over time.</translation>
    </message>
</context>
<context>
    <name>cwb::OptimisationPage</name>
    <message>
        <location filename="../widgets/pages/optimisationpage.cpp" line="+13"/>
        <source>Optimisation</source>
        <translation>Optimisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check memory, eviction and persistence settings and get advice for using Redis as a cache.</source>
        <translation>Check memory, eviction and persistence settings and get advice for using Redis as a cache.</translation>
    </message>
</context>
<context>
    <name>cwb::PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="+13"/>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language of the user interface</source>
        <translation>The language of the user interface</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new language takes effect the next time Cache Workbench starts.</source>
        <translation>A new language takes effect the next time Cache Workbench starts.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
</context>
<context>
    <name>cwb::ResultsPage</name>
    <message>
        <location filename="../widgets/pages/resultspage.cpp" line="+13"/>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Browse past runs, compare them side by side and export reports.</source>
        <translation>Browse past runs, compare them side by side and export reports.</translation>
    </message>
</context>
<context>
    <name>cwb::SandboxLauncher</name>
    <message>
        <location filename="../widgets/sandboxlauncher.cpp" line="+77"/>
        <source>The sandbox did not start.</source>
        <translation>The sandbox did not start.</translation>
    </message>
</context>
<context>
    <name>cwb::ServerProbe</name>
    <message>
        <location filename="../widgets/serverprobe.cpp" line="+79"/>
        <source>Nothing is listening at %1. Is the server running?</source>
        <translation>Nothing is listening at %1. Is the server running?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host name in %1 does not resolve.</source>
        <translation>The host name in %1 does not resolve.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 did not answer within %2 s.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rejected the login: check the user name and password.</source>
        <translation>%1 rejected the login: check the user name and password.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not talk to %1.</source>
        <translation>Could not talk to %1.</translation>
    </message>
</context>
<context>
    <name>cwb::TargetBar</name>
    <message>
        <location filename="../widgets/targetbar.cpp" line="+32"/>
        <source>S&amp;erver:</source>
        <translation>S&amp;erver:</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+158"/>
        <source>The Redis server to work against: redis://[user@]host[:port][/db] or unix:///path/to/redis.sock</source>
        <translation>The Redis server to work against: redis://[user@]host[:port][/db] or unix:///path/to/redis.sock</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Server URI</source>
        <translation>Server URI</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password for AUTH, if the server needs one. Kept in memory only: never saved, logged or exported.</source>
        <translation>Password for AUTH, if the server needs one. Kept in memory only: never saved, logged or exported.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test the connection and read the server&apos;s version, role and memory</source>
        <translation>Test the connection and read the server&apos;s version, role and memory</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start local sandbox</source>
        <translation>Start local sandbox</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a throw-away Redis on this machine and connect to it; it stops when the application quits</source>
        <translation>Start a throw-away Redis on this machine and connect to it; it stops when the application quits</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Single server</source>
        <translation>Single server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One redis-server on a free loopback port</source>
        <translation>One redis-server on a free loopback port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster (3 masters, 3 replicas)</source>
        <translation>Cluster (3 masters, 3 replicas)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Six redis-server nodes forming a Redis Cluster on loopback</source>
        <translation>Six redis-server nodes forming a Redis Cluster on loopback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop sandbox</source>
        <translation>Stop sandbox</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Starting sandbox…</source>
        <translation>Starting sandbox…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a valid URI</source>
        <translation>not a valid URI</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Invalid server URI: %1</source>
        <translation>Invalid server URI: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Invalid URI: %1</source>
        <translation>Invalid URI: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not connected. Press Connect, or start a local sandbox to try things out.</source>
        <translation>Not connected. Press Connect, or start a local sandbox to try things out.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connection state</source>
        <translation>Connection state</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connection failed</source>
        <translation>Connection failed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Redis %1 · %2</source>
        <translation>Redis %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · cluster</source>
        <translation> · cluster</translation>
    </message>
</context>
<context>
    <name>cwb::WarmingPage</name>
    <message>
        <location filename="../widgets/pages/warmingpage.cpp" line="+13"/>
        <source>Warming</source>
        <translation>Warming</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the cache ahead of traffic from a key list or a recorded workload, at a controlled rate.</source>
        <translation>Fill the cache ahead of traffic from a key list or a recorded workload, at a controlled rate.</translation>
    </message>
</context>
</TS>
