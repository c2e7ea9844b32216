<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>cwb::AgentStatusTable</name>
    <message>
        <location filename="../widgets/agents/agentstatustable.cpp" line="+18"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ops/s</source>
        <translation>Ops/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each agent of the distributed run: its state, its share of the load and, when it was lost or refused, why</source>
        <translation>Each agent of the distributed run: its state, its share of the load and, when it was lost or refused, why</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting</source>
        <translation>Starting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
</context>
<context>
    <name>cwb::AgentsPanel</name>
    <message>
        <location filename="../widgets/agents/agentspanel.cpp" line="+37"/>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Running %1</source>
        <translation>Running %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stale</source>
        <translation>stale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expires in %1 s</source>
        <translation>expires in %1 s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Coordination &amp;server:</source>
        <translation>Coordination &amp;server:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Redis server the agents were started with (--coordinator); saved without its password</source>
        <translation>The Redis server the agents were started with (--coordinator); saved without its password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The coordination server&apos;s password, kept in memory only</source>
        <translation>The coordination server&apos;s password, kept in memory only</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the agents connected to the coordination server now</source>
        <translation>List the agents connected to the coordination server now</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cores</source>
        <translation>Cores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clock skew (ms)</source>
        <translation>Clock skew (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allowed targets</source>
        <translation>Allowed targets</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check the agents the next run uses</source>
        <translation>Check the agents the next run uses</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Enter the coordination server the agents were started with (agent --coordinator URI).</source>
        <translation>Enter the coordination server the agents were started with (agent --coordinator URI).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no coordination server entered</source>
        <translation>no coordination server entered</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Speaks protocol %1, this workbench %2: run the same workbench version on both.</source>
        <translation>Speaks protocol %1, this workbench %2: run the same workbench version on both.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Busy with a run (%1).</source>
        <translation>Busy with a run (%1).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not a coordination server URI: %1</source>
        <translation>Not a coordination server URI: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Asking %1 for its agents…</source>
        <translation>Asking %1 for its agents…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not list the agents: %1</source>
        <translation>Could not list the agents: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 answered, but its agents could not be listed: %2</source>
        <translation>%1 answered, but its agents could not be listed: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No agent is connected to %1. Start one with: cache-workbench-cli agent --coordinator URI --allow-target PATTERN</source>
        <translation>No agent is connected to %1. Start one with: cache-workbench-cli agent --coordinator URI --allow-target PATTERN</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n agent(s) connected to %1, %2 chosen.</source>
        <translation>
            <numerusform>%n agent connected to %1, %2 chosen.</numerusform>
            <numerusform>%n agents connected to %1, %2 chosen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Check to run the next test on %1 too</source>
        <translation>Check to run the next test on %1 too</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The choice is fixed while a run uses the agents.</source>
        <translation>The choice is fixed while a run uses the agents.</translation>
    </message>
</context>
<context>
    <name>cwb::AlertPanel</name>
    <message>
        <location filename="../widgets/monitoring/alertpanel.cpp" line="+42"/>
        <location line="+58"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+56"/>
        <source>Firing</source>
        <translation>Firing</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+57"/>
        <location line="+234"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location line="-290"/>
        <location line="+57"/>
        <location line="+238"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+54"/>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+56"/>
        <source>&amp;Resolve</source>
        <translation>&amp;Resolve</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show alerts in this state</source>
        <translation>Show alerts in this state</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any severity</source>
        <translation>Any severity</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show alerts of this severity</source>
        <translation>Show alerts of this severity</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+230"/>
        <source>until resolved</source>
        <translation>until resolved</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>for 15 minutes</source>
        <translation>for 15 minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for 1 hour</source>
        <translation>for 1 hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for 4 hours</source>
        <translation>for 4 hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for 1 day</source>
        <translation>for 1 day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long an acknowledgement silences repeat notifications</source>
        <translation>How long an acknowledgement silences repeat notifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge the selected alert: it stays open but stops repeating notifications (Ctrl+K)</source>
        <translation>Acknowledge the selected alert: it stays open but stops repeating notifications (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve the selected alert now (Ctrl+Shift+R)</source>
        <translation>Resolve the selected alert now (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+205"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location line="-205"/>
        <location line="+204"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+213"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+46"/>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alert history</source>
        <translation>Alert history</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an alert to see its details.</source>
        <translation>Select an alert to see its details.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>%1 (now %2)</source>
        <translation>%1 (now %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 firing, %2 pending, %3 acknowledged</source>
        <translation>%1 firing, %2 pending, %3 acknowledged</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value when fired</source>
        <translation>Value when fired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest value</source>
        <translation>Latest value</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fired</source>
        <translation>Fired</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 by %2, %3</source>
        <translation>%1 by %2, %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent via %1</source>
        <translation>Sent via %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>retrying</source>
        <translation>retrying</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Copy Alert ID</source>
        <translation>Copy Alert ID</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>reminder</source>
        <translation>reminder</translation>
    </message>
</context>
<context>
    <name>cwb::BenchmarksPage</name>
    <message>
        <location filename="../widgets/pages/benchmarkspage.cpp" line="+37"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Cache basic operations</source>
        <translation>Cache basic operations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent reads</source>
        <translation>Concurrent reads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent writes</source>
        <translation>Concurrent writes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed operations</source>
        <translation>Mixed operations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalidation patterns</source>
        <translation>Invalidation patterns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session management</source>
        <translation>Session management</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geospatial queries</source>
        <translation>Geospatial queries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real-time updates</source>
        <translation>Real-time updates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory stress</source>
        <translation>Memory stress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High-concurrency stress</source>
        <translation>High-concurrency stress</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>improved</source>
        <translation>improved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regressed</source>
        <translation>regressed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not enough runs yet</source>
        <translation>not enough runs yet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Benchmarks</source>
        <translation>Benchmarks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ten specialised benchmarks with latency, memory and CPU figures, and their trend across runs.</source>
        <translation>Ten specialised benchmarks with latency, memory and CPU figures, and their trend across runs.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Benchmarks to run</source>
        <translation>Benchmarks to run</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+215"/>
        <source>Not run</source>
        <translation>Not run</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Run on a local &amp;sandbox</source>
        <translation>Run on a local &amp;sandbox</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a throw-away redis-server for the run instead of using the target</source>
        <translation>Start a throw-away redis-server for the run instead of using the target</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run &amp;Selected</source>
        <translation>Run &amp;Selected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the ticked benchmarks one after another</source>
        <translation>Run the ticked benchmarks one after another</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &amp;All</source>
        <translation>Run &amp;All</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run all ten benchmarks</source>
        <translation>Run all ten benchmarks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the running benchmark; its keys are still cleaned up</source>
        <translation>Stop the running benchmark; its keys are still cleaned up</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ops/s</source>
        <translation>ops/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+277"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="-277"/>
        <location line="+277"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>p99.9</source>
        <translation>p99.9</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Measured operations</source>
        <translation>Measured operations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency (µs)</source>
        <translation>Latency (µs)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Memory (MiB)</source>
        <translation>Memory (MiB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High-concurrency ramp</source>
        <translation>High-concurrency ramp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>Throughput (ops/s)</source>
        <translation>Throughput (ops/s)</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+5"/>
        <source>Throughput</source>
        <translation>Throughput</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+1"/>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trend of stored runs</source>
        <translation>Trend of stored runs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>p99 (µs)</source>
        <translation>p99 (µs)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ramp</source>
        <translation>Ramp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Target: a local sandbox started for the run</source>
        <translation>Target: a local sandbox started for the run</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target: none — enter one in the connection bar or tick the sandbox</source>
        <translation>Target: none — enter one in the connection bar or tick the sandbox</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Tick at least one benchmark.</source>
        <translation>Tick at least one benchmark.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No target: enter one in the connection bar or tick the sandbox.</source>
        <translation>No target: enter one in the connection bar or tick the sandbox.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Running %n benchmark(s)…</source>
        <translation>
            <numerusform>Running %n benchmark…</numerusform>
            <numerusform>Running %n benchmarks…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Running: %1</source>
        <translation>Running: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished.</source>
        <translation>Finished.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Server used_memory</source>
        <translation>Server used_memory</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server RSS</source>
        <translation>Server RSS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Workbench RSS</source>
        <translation>Workbench RSS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No result store: trends are not available.</source>
        <translation>No result store: trends are not available.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%1 on %2: %n stored run(s); latest: %3</source>
        <translation>
            <numerusform>%1 on %2: %n stored run; latest: %3</numerusform>
            <numerusform>%1 on %2: %n stored runs; latest: %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 vs median %3 (%4%) — %5</source>
        <translation>%1: %2 vs median %3 (%4%) — %5</translation>
    </message>
</context>
<context>
    <name>cwb::ChartStyle</name>
    <message>
        <location filename="../widgets/charts/chartstyle.cpp" line="+85"/>
        <source>No data yet</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>cwb::ClusterPage</name>
    <message>
        <location filename="../widgets/pages/clusterpage.cpp" line="+53"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>See the cluster&apos;s nodes, slot ranges and replicas, and how load spreads over the shards.</source>
        <translation>See the cluster&apos;s nodes, slot ranges and replicas, and how load spreads over the shards.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Topology</source>
        <translation>Topology</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharding simulation</source>
        <translation>Sharding simulation</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The connected server is not running in cluster mode.</source>
        <translation>The connected server is not running in cluster mode.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+43"/>
        <source>Not connected to a cluster.</source>
        <translation>Not connected to a cluster.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the topology again now (it also refreshes every 1.5 s)</source>
        <translation>Read the topology again now (it also refreshes every 1.5 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual failover</source>
        <translation>Manual failover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run CLUSTER FAILOVER on the selected replica: it becomes the master of its shard</source>
        <translation>Run CLUSTER FAILOVER on the selected replica: it becomes the master of its shard</translation>
    </message>
    <message>
        <location filename="../widgets/guitools.cpp" line="+331"/>
        <location filename="../widgets/pages/clusterpage.cpp" line="+1"/>
        <source>Kill master</source>
        <translation>Kill master</translation>
    </message>
    <message>
        <location filename="../widgets/pages/clusterpage.cpp" line="+1"/>
        <source>Kill the selected master&apos;s process to watch automatic failover (local sandbox clusters only)</source>
        <translation>Kill the selected master&apos;s process to watch automatic failover (local sandbox clusters only)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+20"/>
        <location line="+350"/>
        <source>Slot ownership (0-16383)</source>
        <translation>Slot ownership (0-16383)</translation>
    </message>
    <message>
        <location line="-356"/>
        <source>Reading the cluster topology from %1…</source>
        <translation>Reading the cluster topology from %1…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cannot read the cluster topology: %1</source>
        <translation>Cannot read the cluster topology: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Slot ownership (0-16383) by master</source>
        <translation>Slot ownership (0-16383) by master</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>all slots covered</source>
        <translation>all slots covered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncovered slots: %1</source>
        <translation>uncovered slots: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Failing over to %1…</source>
        <translation>Failing over to %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Failover done.</source>
        <translation>Failover done.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failover stopped before the replica took over.</source>
        <translation>Failover stopped before the replica took over.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failover failed: %1</source>
        <translation>Failover failed: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Killed %1; the cluster marks it failed after its node timeout and promotes a replica.</source>
        <translation>Killed %1; the cluster marks it failed after its node timeout and promotes a replica.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Consistent hashing (virtual nodes)</source>
        <translation>Consistent hashing (virtual nodes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis Cluster slots (CRC16, 16384)</source>
        <translation>Redis Cluster slots (CRC16, 16384)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key ranges (split points)</source>
        <translation>Key ranges (split points)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump consistent hash</source>
        <translation>Jump consistent hash</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Multi-probe consistent hashing: each key is hashed this many times and goes to the closest ring point. 1 is the classic ring; more probes balance the nodes better.</source>
        <translation>Multi-probe consistent hashing: each key is hashed this many times and goes to the closest ring point. 1 is the classic ring; more probes balance the nodes better.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uniform</source>
        <translation>Uniform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zipfian (hot keys)</source>
        <translation>Zipfian (hot keys)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strategy:</source>
        <translation>Strategy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes:</source>
        <translation>Nodes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys:</source>
        <translation>Keys:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual nodes per node:</source>
        <translation>Virtual nodes per node:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probes per key:</source>
        <translation>Probes per key:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic:</source>
        <translation>Traffic:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add node</source>
        <translation>Add node</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove node</source>
        <translation>Remove node</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail node</source>
        <translation>Fail node</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add one node and show which keys move</source>
        <translation>Add one node and show which keys move</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the last node and show which keys move</source>
        <translation>Remove the last node and show which keys move</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected (or first) master in the simulated cluster and watch its replica take over</source>
        <translation>Stop the selected (or first) master in the simulated cluster and watch its replica take over</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+99"/>
        <source>Add or remove a node to see how many keys move.</source>
        <translation>Add or remove a node to see how many keys move.</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key share</source>
        <translation>Key share</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traffic share</source>
        <translation>Traffic share</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory (est.)</source>
        <translation>Memory (est.)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redis slots</source>
        <translation>Redis slots</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Slot ranges</source>
        <translation>Slot ranges</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hash slots of a Redis Cluster with these nodes: the simulated slot map under the slots strategy, otherwise the even split redis-cli --cluster create makes (the failover model below uses it).</source>
        <translation>The hash slots of a Redis Cluster with these nodes: the simulated slot map under the slots strategy, otherwise the even split redis-cli --cluster create makes (the failover model below uses it).</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Keys per node</source>
        <translation>Keys per node</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ideal (keys / nodes)</source>
        <translation>Ideal (keys / nodes)</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+44"/>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>%1 masters, %2 replicas</source>
        <translation>%1 masters, %2 replicas</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n failed node(s)</source>
        <translation>
            <numerusform>, %n failed node</numerusform>
            <numerusform>, %n failed nodes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+265"/>
        <source>Busiest node %1 × the mean, standard deviation %2 %, hottest node %3 × mean traffic; assigning %4 keys took %5 ms.</source>
        <translation>Busiest node %1 × the mean, standard deviation %2 %, hottest node %3 × mean traffic; assigning %4 keys took %5 ms.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hash ring ownership (0 to 2^64)</source>
        <translation>Hash ring ownership (0 to 2^64)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key ranges in sorted key order</source>
        <translation>Key ranges in sorted key order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump hash: each node owns 1/N of the hash space, not contiguous</source>
        <translation>Jump hash: each node owns 1/N of the hash space, not contiguous</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+22"/>
        <source>%1: %2 keys moved (%3 % of all; the ideal is %4 %, so %5 × ideal).</source>
        <translation>%1: %2 keys moved (%3 % of all; the ideal is %4 %, so %5 × ideal).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 stopped; watch the health checks and the failover.</source>
        <translation>%1 stopped; watch the health checks and the failover.</translation>
    </message>
</context>
<context>
    <name>cwb::DesktopChannel</name>
    <message>
        <location filename="../widgets/monitoring/desktopchannel.cpp" line="+34"/>
        <source>Cache Workbench alert</source>
        <translation>Cache Workbench alert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>shown in the system tray</source>
        <translation>shown in the system tray</translation>
    </message>
</context>
<context>
    <name>cwb::KeyScanPanel</name>
    <message>
        <location filename="../widgets/optimise/keyscanpanel.cpp" line="+34"/>
        <source>key prefix, e.g. session: (empty: all keys)</source>
        <translation>key prefix, e.g. session: (empty: all keys)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys starting with this text are sampled with SCAN MATCH (never KEYS), at most 1,000 keys and 20 SCAN calls a second</source>
        <translation>Keys starting with this text are sampled with SCAN MATCH (never KEYS), at most 1,000 keys and 20 SCAN calls a second</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan target&apos;s keys</source>
        <translation>Scan target&apos;s keys</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads the target&apos;s own keys; writes nothing.</source>
        <translation>Reads the target&apos;s own keys; writes nothing.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LFU counter / size</source>
        <translation>LFU counter / size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of sample</source>
        <translation>Share of sample</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enter a valid target first.</source>
        <translation>Enter a valid target first.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scan failed: %1</source>
        <translation>Scan failed: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The scan could not start.</source>
        <translation>The scan could not start.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 keys sampled with %2 SCAN calls; maxmemory-policy %3.</source>
        <translation>%1 keys sampled with %2 SCAN calls; maxmemory-policy %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped early: the figures are of the keys sampled until then.</source>
        <translation>Stopped early: the figures are of the keys sampled until then.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More keys match: this is a sample, not every key.</source>
        <translation>More keys match: this is a sample, not every key.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access frequency needs an LFU maxmemory-policy (allkeys-lfu or volatile-lfu), so only sizes are shown.</source>
        <translation>Access frequency needs an LFU maxmemory-policy (allkeys-lfu or volatile-lfu), so only sizes are shown.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>hot (LFU)</source>
        <translation>hot (LFU)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>big</source>
        <translation>big</translation>
    </message>
</context>
<context>
    <name>cwb::LoadConfigForm</name>
    <message>
        <location filename="../widgets/config/loadconfigform.cpp" line="+63"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A short name for the run; baselines are kept per name and target</source>
        <translation>A short name for the run; baselines are kept per name and target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descr&amp;iption:</source>
        <translation>Descr&amp;iption:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this test is for, saved with the results</source>
        <translation>What this test is for, saved with the results</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Duration:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the measurement runs, in seconds (warm-up not included)</source>
        <translation>How long the measurement runs, in seconds (warm-up not included)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Warm-up:</source>
        <translation>&amp;Warm-up:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load applied before the measurement starts; excluded from the results</source>
        <translation>Load applied before the measurement starts; excluded from the results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> users</source>
        <translation> users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Virtual users:</source>
        <translation>&amp;Virtual users:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent virtual users; each has its own connection</source>
        <translation>Concurrent virtual users; each has its own connection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> req/s</source>
        <translation> req/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as fast as possible (closed loop)</source>
        <translation>as fast as possible (closed loop)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Target rate:</source>
        <translation>&amp;Target rate:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total requests per second (open loop, latency includes queueing). 0 runs a closed loop: each user sends its next request when the previous answered</source>
        <translation>Total requests per second (open loop, latency includes queueing). 0 runs a closed loop: each user sends its next request when the previous answered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> in flight</source>
        <translation> in flight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pipeline:</source>
        <translation>&amp;Pipeline:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests each user keeps in flight (closed loop only)</source>
        <translation>Requests each user keeps in flight (closed loop only)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operation mix</source>
        <translation>Operation mix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Read</source>
        <translation>&amp;Read</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wr&amp;ite</source>
        <translation>Wr&amp;ite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&amp;elete</source>
        <translation>D&amp;elete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In&amp;validate</source>
        <translation>In&amp;validate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of reads (GET, HGETALL, ...): hits and misses are counted</source>
        <translation>Share of reads (GET, HGETALL, ...): hits and misses are counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of writes (SET with TTL, HSET, ...)</source>
        <translation>Share of writes (SET with TTL, HSET, ...)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of deletes (UNLINK)</source>
        <translation>Share of deletes (UNLINK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of tag invalidations (deleting every key of a tag)</source>
        <translation>Share of tag invalidations (deleting every key of a tag)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The shares always add up to 100%: changing one adjusts the others in proportion</source>
        <translation>The shares always add up to 100%: changing one adjusts the others in proportion</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keys and values</source>
        <translation>Keys and values</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>String</source>
        <translation>String</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Geo</source>
        <translation>Geo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plain values: GET / SET with TTL</source>
        <translation>Plain values: GET / SET with TTL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Objects as hashes: HGETALL / HSET</source>
        <translation>Objects as hashes: HGETALL / HSET</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session records: hash plus sliding expiry</source>
        <translation>Session records: hash plus sliding expiry</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Geospatial sets: GEOSEARCH / GEOADD</source>
        <translation>Geospatial sets: GEOSEARCH / GEOADD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counters: GET / INCRBY</source>
        <translation>Counters: GET / INCRBY</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cache types:</source>
        <translation>Cache types:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kinds of cached data the operations work on; at least one</source>
        <translation>Kinds of cached data the operations work on; at least one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> keys</source>
        <translation> keys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key space:</source>
        <translation>&amp;Key space:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distinct keys per cache type; smaller means more hits</source>
        <translation>Distinct keys per cache type; smaller means more hits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uniform</source>
        <translation>Uniform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zipfian (hot keys)</source>
        <translation>Zipfian (hot keys)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian</source>
        <translation>Gaussian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequential</source>
        <translation>Sequential</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key &amp;distribution:</source>
        <translation>Key &amp;distribution:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How keys are picked from the key space</source>
        <translation>How keys are picked from the key space</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zipf &amp;exponent:</source>
        <translation>Zipf &amp;exponent:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skew of the Zipfian distribution (Zipfian only); 0.99 is typical</source>
        <translation>Skew of the Zipfian distribution (Zipfian only); 0.99 is typical</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gaussian &amp;sigma:</source>
        <translation>Gaussian &amp;sigma:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard deviation as a fraction of the key space (Gaussian only)</source>
        <translation>Standard deviation as a fraction of the key space (Gaussian only)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source> B</source>
        <translation> B</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Value size mi&amp;n:</source>
        <translation>Value size mi&amp;n:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smallest value written, in bytes</source>
        <translation>Smallest value written, in bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value size ma&amp;x:</source>
        <translation>Value size ma&amp;x:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest value written, in bytes (at most 16 MiB)</source>
        <translation>Largest value written, in bytes (at most 16 MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no expiry</source>
        <translation>no expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;TTL:</source>
        <translation>&amp;TTL:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expiry of written keys; 0 = no expiry</source>
        <translation>Expiry of written keys; 0 = no expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> tags</source>
        <translation> tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalidation tags the keys are spread over</source>
        <translation>Invalidation tags the keys are spread over</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key &amp;prefix:</source>
        <translation>Key &amp;prefix:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every key the test writes starts with this; cleanup deletes only keys under it</source>
        <translation>Every key the test writes starts with this; cleanup deletes only keys under it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Execution</source>
        <translation>Execution</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request ti&amp;meout:</source>
        <translation>Request ti&amp;meout:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request without a reply after this counts as a timeout error</source>
        <translation>A request without a reply after this counts as a timeout error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> threads</source>
        <translation> threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W&amp;orker threads:</source>
        <translation>W&amp;orker threads:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Threads driving the virtual users; 0 = automatic: one per CPU core, one less for a server on this machine, and for an open loop only as many as its rate needs</source>
        <translation>Threads driving the virtual users; 0 = automatic: one per CPU core, one less for a server on this machine, and for an open loop only as many as its rate needs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>See&amp;d:</source>
        <translation>See&amp;d:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed of the key sequence: the same seed repeats the same keys</source>
        <translation>Random seed of the key sequence: the same seed repeats the same keys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the test&apos;s keys after the run</source>
        <translation>Delete the test&apos;s keys after the run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cleanup:</source>
        <translation>&amp;Cleanup:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SCAN and UNLINK every key under the prefix when the run ends</source>
        <translation>SCAN and UNLINK every key under the prefix when the run ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read from replic&amp;as (Redis Cluster)</source>
        <translation>Read from replic&amp;as (Redis Cluster)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replicas:</source>
        <translation>Replicas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redis Cluster only: reads go to each slot&apos;s replicas (after READONLY), writes stay on the masters. A run against a single server with this set is refused</source>
        <translation>Redis Cluster only: reads go to each slot&apos;s replicas (after READONLY), writes stay on the masters. A run against a single server with this set is refused</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>must be a non-negative integer</source>
        <translation>must be a non-negative integer</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>… and %n more problem(s): see the tooltip</source>
        <translation>
            <numerusform>… and %n more problem: see the tooltip</numerusform>
            <numerusform>… and %n more problems: see the tooltip</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Total: %1%</source>
        <translation>Total: %1%</translation>
    </message>
</context>
<context>
    <name>cwb::LoadTestPage</name>
    <message>
        <location filename="../widgets/pages/loadtestpage.cpp" line="+67"/>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warming up</source>
        <translation>Warming up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping</source>
        <translation>Stopping</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+581"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="-566"/>
        <source>Load Test</source>
        <translation>Load Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configure a load test against the target server and watch throughput, latency and errors live.</source>
        <translation>Configure a load test against the target server and watch throughput, latency and errors live.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pr&amp;eset:</source>
        <translation>Pr&amp;eset:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill the form from a built-in test; any edit makes it a custom test</source>
        <translation>Fill the form from a built-in test; any edit makes it a custom test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load a configuration from a JSON file (Ctrl+O)</source>
        <translation>Load a configuration from a JSON file (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the configuration as JSON, without any password (Ctrl+S)</source>
        <translation>Save the configuration as JSON, without any password (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>R&amp;un on:</source>
        <translation>R&amp;un on:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the load comes from: this machine, or the agents checked on the Agents tab (one run, merged exactly)</source>
        <translation>Where the load comes from: this machine, or the agents checked on the Agents tab (one run, merged exactly)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This machine</source>
        <translation>This machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+198"/>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Suite</source>
        <translation>Suite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A built-in sequence of tests, run one after another against the target</source>
        <translation>A built-in sequence of tests, run one after another against the target</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1 (%n test(s))</source>
        <translation>
            <numerusform>%1 (%n test)</numerusform>
            <numerusform>%1 (%n tests)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run s&amp;uite</source>
        <translation>Run s&amp;uite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run every test of the chosen suite in turn; each is saved to the results</source>
        <translation>Run every test of the chosen suite in turn; each is saved to the results</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+213"/>
        <source>Start the load test against the target (F5)</source>
        <translation>Start the load test against the target (F5)</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the run; what was measured so far is kept (Shift+F5 or Esc)</source>
        <translation>Stop the run; what was measured so far is kept (Shift+F5 or Esc)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+261"/>
        <location line="+157"/>
        <source>Progress of the current run, warm-up included</source>
        <translation>Progress of the current run, warm-up included</translation>
    </message>
    <message>
        <location line="-417"/>
        <source>Not running</source>
        <translation>Not running</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Figures of the last tenth of a second</source>
        <translation>Figures of the last tenth of a second</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tests of the suite completed</source>
        <translation>Tests of the suite completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%v of %m tests</source>
        <translation>%v of %m tests</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Live charts</source>
        <translation>&amp;Live charts</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This run</source>
        <translation>This run</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This run against the baseline of its test name and target</source>
        <translation>This run against the baseline of its test name and target</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save as &amp;baseline</source>
        <translation>Save as &amp;baseline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this run the baseline for its test name and target</source>
        <translation>Make this run the baseline for its test name and target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Compare with baseline</source>
        <translation>&amp;Compare with baseline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare this run with the baseline of its test name and target</source>
        <translation>Compare this run with the baseline of its test name and target</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export C&amp;SV…</source>
        <translation>Export C&amp;SV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The per-second series as CSV</source>
        <translation>The per-second series as CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;JSON…</source>
        <translation>Export &amp;JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every metric, per-operation percentiles and histograms as JSON</source>
        <translation>Every metric, per-operation percentiles and histograms as JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Prometheus…</source>
        <translation>Export &amp;Prometheus…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run&apos;s metrics in the Prometheus text format</source>
        <translation>The run&apos;s metrics in the Prometheus text format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Report…</source>
        <translation>&amp;Report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A self-contained HTML report with tables and charts</source>
        <translation>A self-contained HTML report with tables and charts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;ummary</source>
        <translation>S&amp;ummary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;gents</source>
        <translation>A&amp;gents</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Agents of this run</source>
        <translation>Agents of this run</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Agents (%n chosen)</source>
        <translation>
            <numerusform>Agents (%n chosen)</numerusform>
            <numerusform>Agents (%n chosen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The run could not be saved to the results.</source>
        <translation>The run could not be saved to the results.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Start the load test on the agents checked on the Agents tab (F5)</source>
        <translation>Start the load test on the agents checked on the Agents tab (F5)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Enter a valid target server first.</source>
        <translation>Enter a valid target server first.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the coordination server on the Agents tab first.</source>
        <translation>Enter the coordination server on the Agents tab first.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check at least one idle agent on the Agents tab first.</source>
        <translation>Check at least one idle agent on the Agents tab first.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+1"/>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The suite &apos;%1&apos; could not be loaded.</source>
        <translation>The suite &apos;%1&apos; could not be loaded.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Suite &apos;%1&apos; stopped after %2 of %3 tests</source>
        <translation>Suite &apos;%1&apos; stopped after %2 of %3 tests</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suite &apos;%1&apos; finished: %2 tests</source>
        <translation>Suite &apos;%1&apos; finished: %2 tests</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Suite &apos;%1&apos;: test %2 of %3 (%4)</source>
        <translation>Suite &apos;%1&apos;: test %2 of %3 (%4)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 · %2 elapsed · %3 remaining</source>
        <translation>%1 · %2 elapsed · %3 remaining</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now: %1 ops/s · p99 %2 · %3 errors/s · %4 of %5 users connected</source>
        <translation>Now: %1 ops/s · p99 %2 · %3 errors/s · %4 of %5 users connected</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 of %n agent(s) running</source>
        <translation>
            <numerusform>%1 of %n agent running</numerusform>
            <numerusform>%1 of %n agents running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n lost</source>
        <translation>
            <numerusform>, %n lost</numerusform>
            <numerusform>, %n lost</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 / %3</source>
        <translation>%1 %2 / %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The run ended at %1% of its planned length</source>
        <translation>The run ended at %1% of its planned length</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run failed</source>
        <translation>Run failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The load test failed.</source>
        <translation>The load test failed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped after %1 s measured</source>
        <translation>Stopped after %1 s measured</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open Configuration</source>
        <translation>Open Configuration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load test configurations (*.json);;All files (*)</source>
        <translation>Load test configurations (*.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open %1.</source>
        <translation>Could not open %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a valid load test configuration: %2</source>
        <translation>%1 is not a valid load test configuration: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save Configuration</source>
        <translation>Save Configuration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load test configurations (*.json)</source>
        <translation>Load test configurations (*.json)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export JSON</source>
        <translation>Export JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Prometheus Metrics</source>
        <translation>Export Prometheus Metrics</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus text format (*.prom *.txt)</source>
        <translation>Prometheus text format (*.prom *.txt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save Report</source>
        <translation>Save Report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML reports (*.html)</source>
        <translation>HTML reports (*.html)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export Results</source>
        <translation>Export Results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;JSON files (*.json);;Prometheus text format (*.prom);;HTML reports (*.html)</source>
        <translation>CSV files (*.csv);;JSON files (*.json);;Prometheus text format (*.prom);;HTML reports (*.html)</translation>
    </message>
    <message>
        <location line="-433"/>
        <source>This run is now the baseline for its test and target.</source>
        <translation>This run is now the baseline for its test and target.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The baseline could not be set.</source>
        <translation>The baseline could not be set.</translation>
    </message>
    <message>
        <location line="+483"/>
        <source>The comparison failed.</source>
        <translation>The comparison failed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no baseline for this test and target yet. Use &quot;Save as baseline&quot; on a run you trust.</source>
        <translation>There is no baseline for this test and target yet. Use &quot;Save as baseline&quot; on a run you trust.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Against the baseline: &lt;b&gt;not comparable&lt;/b&gt; (%1); the figures are listed without a verdict.</source>
        <translation>Against the baseline: &lt;b&gt;not comparable&lt;/b&gt; (%1); the figures are listed without a verdict.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Against the baseline: &lt;b&gt;%1&lt;/b&gt; (changes within ±%2% count as unchanged)</source>
        <translation>Against the baseline: &lt;b&gt;%1&lt;/b&gt; (changes within ±%2% count as unchanged)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
</context>
<context>
    <name>cwb::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="+68"/>
        <source>Cache Workbench</source>
        <translation>Cache Workbench</translation>
    </message>
    <message>
        <location line="+34"/>
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
        <location line="+55"/>
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
        <location line="+2"/>
        <source>Benchmarks</source>
        <translation>Benchmarks</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run benchmark suites</source>
        <translation>Run benchmark suites</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inspect the cluster topology</source>
        <translation>Inspect the cluster topology</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+2"/>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Watch the server live</source>
        <translation>Watch the server live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Browse, compare and export past runs</source>
        <translation>Browse, compare and export past runs</translation>
    </message>
    <message>
        <location line="+51"/>
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
        <location line="+4"/>
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
        <location line="+33"/>
        <source>Applied the tuner&apos;s recommendation: %1</source>
        <translation>Applied the tuner&apos;s recommendation: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The result store could not be opened.</source>
        <translation>The result store could not be opened.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The result store was damaged and has been reset.</source>
        <translation>The result store was damaged and has been reset.</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%1, %n firing alert(s)</source>
        <translation>
            <numerusform>%1, %n firing alert</numerusform>
            <numerusform>%1, %n firing alerts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Running: %1</source>
        <translation>Running: %1</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+110"/>
        <source>Quit Cache Workbench</source>
        <translation>Quit Cache Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A run is in progress. Stop it and quit? What it measured so far is saved as a stopped run, and the keys it wrote are removed.</source>
        <translation>A run is in progress. Stop it and quit? What it measured so far is saved as a stopped run, and the keys it wrote are removed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop and Quit</source>
        <translation>Stop and Quit</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stopping before quitting…</source>
        <translation>Stopping before quitting…</translation>
    </message>
    <message>
        <location line="-265"/>
        <location line="+138"/>
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
        <location filename="../widgets/pages/monitoringpage.cpp" line="+67"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>restarted since the last poll</source>
        <translation>restarted since the last poll</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>since %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch hit ratio, memory, evictions and commands per second of the target server over time.</source>
        <translation>Watch hit ratio, memory, evictions and commands per second of the target server over time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+252"/>
        <source>Start Monitoring</source>
        <translation>Start Monitoring</translation>
    </message>
    <message>
        <location line="-249"/>
        <location line="+197"/>
        <source>Connect to a target first</source>
        <translation>Connect to a target first</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Last 15 minutes</source>
        <translation>Last 15 minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 6 hours</source>
        <translation>Last 6 hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time range of the trend chart and of exports</source>
        <translation>Time range of the trend chart and of exports</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commands per second</source>
        <translation>Commands per second</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hit rate (%)</source>
        <translation>Hit rate (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory used (MB)</source>
        <translation>Memory used (MB)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connected clients</source>
        <translation>Connected clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99 latency (ms)</source>
        <translation>p99 latency (ms)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error rate (%)</source>
        <translation>Error rate (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evictions per second</source>
        <translation>Evictions per second</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network out (B/s)</source>
        <translation>Network out (B/s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert &amp;Rules…</source>
        <translation>Alert &amp;Rules…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the history of the chosen range as JSON, CSV or Prometheus text</source>
        <translation>Save the history of the chosen range as JSON, CSV or Prometheus text</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Range:</source>
        <translation>Range:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ops/s</source>
        <translation>Ops/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hit rate</source>
        <translation>Hit rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99 latency</source>
        <translation>p99 latency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error rate</source>
        <translation>Error rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Service Status</source>
        <translation>Service Status</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The alert could not be changed.</source>
        <translation>The alert could not be changed.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Poll %1 every collection interval</source>
        <translation>Poll %1 every collection interval</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The monitoring service collects; stop it to monitor from this window</source>
        <translation>The monitoring service collects; stop it to monitor from this window</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collection and alerts are run by the monitoring service (%1), watching %2. This window shows what it stores and neither polls nor sends alerts itself.</source>
        <translation>Collection and alerts are run by the monitoring service (%1), watching %2. This window shows what it stores and neither polls nor sends alerts itself.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its target</source>
        <translation>its target</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stop Monitoring</source>
        <translation>Stop Monitoring</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>load: %1</source>
        <translation>load: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 evictions/s</source>
        <translation>%1 evictions/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 keys</source>
        <translation>%1 keys</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>load run, last interval</source>
        <translation>load run, last interval</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>server, since reset</source>
        <translation>server, since reset</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>workbench: %1</source>
        <translation>workbench: %1</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>Target:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 reachable</source>
        <translation>%1 reachable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 unreachable</source>
        <translation>%1 unreachable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last error:</source>
        <translation>Last error:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Collector:</source>
        <translation>Collector:</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>the monitoring service (%1)</source>
        <translation>the monitoring service (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>running, every %1 s</source>
        <translation>running, every %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sample:</source>
        <translation>Last sample:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nodes:</source>
        <translation>Nodes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>/metrics:</source>
        <translation>/metrics:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>notifies while minimised</source>
        <translation>notifies while minimised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing sent yet</source>
        <translation>nothing sent yet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>retrying</source>
        <translation>retrying</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The monitoring settings were not applied.</source>
        <translation>The monitoring settings were not applied.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The alert rules were not applied.</source>
        <translation>The alert rules were not applied.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown file type &apos;%1&apos;: use .json, .csv or .prom</source>
        <translation>Unknown file type &apos;%1&apos;: use .json, .csv or .prom</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export Monitoring History</source>
        <translation>Export Monitoring History</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json);;CSV (*.csv);;Prometheus text (*.prom)</source>
        <translation>JSON (*.json);;CSV (*.csv);;Prometheus text (*.prom)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Monitoring history saved to %1.</source>
        <translation>Monitoring history saved to %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The monitoring history could not be saved.</source>
        <translation>The monitoring history could not be saved.</translation>
    </message>
</context>
<context>
    <name>cwb::MonitoringSettingsDialog</name>
    <message>
        <location filename="../widgets/monitoring/monitoringsettingsdialog.cpp" line="+38"/>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Monitoring Settings</source>
        <translation>Monitoring Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 turns this rule off</source>
        <translation>0 turns this rule off</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Collect metrics while a target is connected</source>
        <translation>Collect metrics while a target is connected</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+25"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-30"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate alert rules</source>
        <translation>Evaluate alert rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+2"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection &amp;interval:</source>
        <translation>Collection &amp;interval:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retention:</source>
        <translation>&amp;Retention:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Memory above:</source>
        <translation>&amp;Memory above:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CPU above:</source>
        <translation>&amp;CPU above:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hit rate below:</source>
        <translation>&amp;Hit rate below:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99 &amp;latency above:</source>
        <translation>p99 &amp;latency above:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Error rate above:</source>
        <translation>&amp;Error rate above:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fire after (for):</source>
        <translation>Fire after (for):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve after clear for:</source>
        <translation>Resolve after clear for:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write every transition to a log file</source>
        <translation>Write every transition to a log file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default location</source>
        <translation>default location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POST alerts as JSON to a webhook</source>
        <translation>POST alerts as JSON to a webhook</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send alerts by email (SMTP)</source>
        <translation>Send alerts by email (SMTP)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Require STARTTLS</source>
        <translation>Require STARTTLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is read from CWB_SMTP_PASSWORD and never saved</source>
        <translation>The password is read from CWB_SMTP_PASSWORD and never saved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>comma-separated addresses</source>
        <translation>comma-separated addresses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System tray notification while minimised</source>
        <translation>System tray notification while minimised</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log file:</source>
        <translation>Log file:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webhook URL:</source>
        <translation>Webhook URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retries:</source>
        <translation>Retries:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP server:</source>
        <translation>SMTP server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serve /metrics in the Prometheus format</source>
        <translation>Serve /metrics in the Prometheus format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allow binding beyond loopback (needs a token)</source>
        <translation>Allow binding beyond loopback (needs a token)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bearer token, at least 16 characters; not saved (or set CWB_METRICS_TOKEN)</source>
        <translation>Bearer token, at least 16 characters; not saved (or set CWB_METRICS_TOKEN)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bind address:</source>
        <translation>Bind address:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bearer token:</source>
        <translation>Bearer token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics Endpoint</source>
        <translation>Metrics Endpoint</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>cwb::OptimisationPage</name>
    <message>
        <location filename="../widgets/pages/optimisationpage.cpp" line="+60"/>
        <source>throughput (ops/s)</source>
        <translation>throughput (ops/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p99 (µs)</source>
        <translation>p99 (µs)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>throughput</source>
        <translation>throughput</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No measurements yet: run the experiments</source>
        <translation>No measurements yet: run the experiments</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Optimisation</source>
        <translation>Optimisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short, bounded experiments on the target: pipeline depth, pool size, compression and TTL policy, with recommendations from what was measured.</source>
        <translation>Short, bounded experiments on the target: pipeline depth, pool size, compression and TTL policy, with recommendations from what was measured.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strategies</source>
        <translation>Strategies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pipeline depth</source>
        <translation>Pipeline depth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool size</source>
        <translation>Pool size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compression</source>
        <translation>Compression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TTL policy (local sandbox)</source>
        <translation>TTL policy (local sandbox)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hot and big keys (demonstration)</source>
        <translation>Hot and big keys (demonstration)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replays the workbench&apos;s own Zipfian trace under its own prefix to show how hot and big keys are found. It says nothing about your keys: scan them under &quot;Target&apos;s keys&quot;.</source>
        <translation>Replays the workbench&apos;s own Zipfian trace under its own prefix to show how hot and big keys are found. It says nothing about your keys: scan them under &quot;Target&apos;s keys&quot;.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time budget for all experiments, cleanup included</source>
        <translation>Time budget for all experiments, cleanup included</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlimited</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much the target&apos;s used_memory may grow; the tuner stops and cleans up before</source>
        <translation>How much the target&apos;s used_memory may grow; the tuner stops and cleans up before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply to test configuration</source>
        <translation>Apply to test configuration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand the recommended pipeline depth and pool size to the load test</source>
        <translation>Hand the recommended pipeline depth and pool size to the load test</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time budget:</source>
        <translation>Time budget:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory budget:</source>
        <translation>Memory budget:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pipeline depth</source>
        <translation>pipeline depth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pool size</source>
        <translation>pool size</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recommendation</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gain</source>
        <translation>Gain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count / size</source>
        <translation>Count / size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Demonstration: the workbench&apos;s own synthetic Zipfian trace, written under its own prefix and removed again. These are not your keys.</source>
        <translation>Demonstration: the workbench&apos;s own synthetic Zipfian trace, written under its own prefix and removed again. These are not your keys.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Target&apos;s keys</source>
        <translation>Target&apos;s keys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demonstration (synthetic trace)</source>
        <translation>Demonstration (synthetic trace)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Enter a valid target first.</source>
        <translation>Enter a valid target first.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>demo: hot (client)</source>
        <translation>demo: hot (client)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>demo: hot (server, LFU)</source>
        <translation>demo: hot (server, LFU)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>demo: big</source>
        <translation>demo: big</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Cancelling… (cleaning up the experiment&apos;s keys)</source>
        <translation>Cancelling… (cleaning up the experiment&apos;s keys)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 in %2 s; peak used_memory growth %3; %4 keys cleaned up.</source>
        <translation>%1 in %2 s; peak used_memory growth %3; %4 keys cleaned up.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2% %3</source>
        <translation>%1 %2% %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(within noise)</source>
        <translation>(within noise)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No measured change to apply</source>
        <translation>No measured change to apply</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply: %1</source>
        <translation>Apply: %1</translation>
    </message>
</context>
<context>
    <name>cwb::PercentileSpectrumChart</name>
    <message>
        <location filename="../widgets/charts/percentilespectrumchart.cpp" line="+17"/>
        <source>Latency distribution</source>
        <translation>Latency distribution</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percentile</source>
        <translation>Percentile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latency (ms)</source>
        <translation>Latency (ms)</translation>
    </message>
</context>
<context>
    <name>cwb::PermissionDialog</name>
    <message>
        <location filename="../widgets/target/permissiondialog.cpp" line="+29"/>
        <source>Works</source>
        <translation>Works</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Permissions on %1</source>
        <translation>Permissions on %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Feature</source>
        <translation>Feature</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To enable what is missing, an administrator runs:</source>
        <translation>To enable what is missing, an administrator runs:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the ACL SETUSER line to the clipboard</source>
        <translation>Copy the ACL SETUSER line to the clipboard</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check &amp;Again</source>
        <translation>Check &amp;Again</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Checking which commands %1 allows…</source>
        <translation>Checking which commands %1 allows…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The permissions of %1 could not be checked.</source>
        <translation>The permissions of %1 could not be checked.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The check stopped: %1.</source>
        <translation>The check stopped: %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not applicable</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not for this kind of server</source>
        <translation>not for this kind of server</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 reasons</source>
        <translation>%1 reasons</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User %1 on %2: %3 features work, %4 degraded, %5 unavailable.</source>
        <translation>User %1 on %2: %3 features work, %4 degraded, %5 unavailable.</translation>
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
        <location filename="../widgets/pages/resultspage.cpp" line="+58"/>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Browse past runs, compare them side by side and export reports.</source>
        <translation>Browse past runs, compare them side by side and export reports.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by name, preset, target or verdict</source>
        <translation>Filter by name, preset, target or verdict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only runs whose columns contain this text</source>
        <translation>Show only runs whose columns contain this text</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select a run to see it; select two to compare them</source>
        <translation>Select a run to see it; select two to compare them</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored runs</source>
        <translation>Stored runs</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the selected run&apos;s charts and summary</source>
        <translation>Show the selected run&apos;s charts and summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;mpare</source>
        <translation>Co&amp;mpare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlay the two selected runs in one chart with a table of differences</source>
        <translation>Overlay the two selected runs in one chart with a table of differences</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+164"/>
        <source>Mark as &amp;baseline</source>
        <translation>Mark as &amp;baseline</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Make the selected run the baseline for its test name and target, or unmark it</source>
        <translation>Make the selected run the baseline for its test name and target, or unmark it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected runs</source>
        <translation>Delete the selected runs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the selected runs as CSV (a table) or JSON (full documents) (Ctrl+E)</source>
        <translation>Export the selected runs as CSV (a table) or JSON (full documents) (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read the stored runs again</source>
        <translation>Read the stored runs again</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select two runs and press Compare.</source>
        <translation>Select two runs and press Compare.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Throughput and p99 of both runs</source>
        <translation>Throughput and p99 of both runs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (s)</source>
        <translation>Time (s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operations/s</source>
        <translation>Operations/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p99 latency (ms)</source>
        <translation>p99 latency (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A throughput</source>
        <translation>A throughput</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B throughput</source>
        <translation>B throughput</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A p99</source>
        <translation>A p99</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B p99</source>
        <translation>B p99</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+3"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change (B vs A)</source>
        <translation>Change (B vs A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each metric of run B against run A; changes within ±10% count as unchanged</source>
        <translation>Each metric of run B against run A; changes within ±10% count as unchanged</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message numerus="yes">
        <location line="+70"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stored runs could not be read.</source>
        <translation>The stored runs could not be read.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unmark &amp;baseline</source>
        <translation>Unmark &amp;baseline</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The run %1 could not be loaded.</source>
        <translation>The run %1 could not be loaded.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The selected runs could not be loaded.</source>
        <translation>The selected runs could not be loaded.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A: %1 — B: %2</source>
        <translation>A: %1 — B: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not comparable: %1. The figures are listed, but no verdict is given.</source>
        <translation>Not comparable: %1. The figures are listed, but no verdict is given.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+6"/>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Delete Runs</source>
        <translation>Delete Runs</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n stored run(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n stored run? This cannot be undone.</numerusform>
            <numerusform>Delete %n stored runs? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export Runs</source>
        <translation>Export Runs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV table (*.csv);;JSON documents (*.json)</source>
        <translation>CSV table (*.csv);;JSON documents (*.json)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n run(s) to %1.</source>
        <translation>
            <numerusform>Exported %n run to %1.</numerusform>
            <numerusform>Exported %n runs to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cwb::RuleEditorDialog</name>
    <message>
        <location filename="../widgets/monitoring/ruleeditordialog.cpp" line="+27"/>
        <source>Alert Rules</source>
        <translation>Alert Rules</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+4"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The value must move this far back past the threshold to count as clear</source>
        <translation>The value must move this far back past the threshold to count as clear</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any target</source>
        <translation>any target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any node (host:port, workbench, load, all)</source>
        <translation>any node (host:port, workbench, load, all)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Metric:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Comparator:</source>
        <translation>&amp;Comparator:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Threshold:</source>
        <translation>&amp;Threshold:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>&amp;For:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep firing for:</source>
        <translation>&amp;Keep firing for:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hysteresis:</source>
        <translation>&amp;Hysteresis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Severity:</source>
        <translation>&amp;Severity:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target label:</source>
        <translation>Target label:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node label:</source>
        <translation>Node label:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add Rule</source>
        <translation>&amp;Add Rule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move Rule</source>
        <translation>Re&amp;move Rule</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Made from the thresholds in Monitoring Settings; change them there</source>
        <translation>Made from the thresholds in Monitoring Settings; change them there</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built-in rules (from the Settings thresholds):</source>
        <translation>Built-in rules (from the Settings thresholds):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your rules:</source>
        <translation>Your rules:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>none (alerting is off, or every threshold is 0)</source>
        <translation>none (alerting is off, or every threshold is 0)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>New rule %1</source>
        <translation>New rule %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>rules: the id &apos;%1&apos; is reserved for built-in rules</source>
        <translation>rules: the id &apos;%1&apos; is reserved for built-in rules</translation>
    </message>
</context>
<context>
    <name>cwb::RunCharts</name>
    <message>
        <location filename="../widgets/charts/runcharts.cpp" line="+16"/>
        <source>Time (s)</source>
        <translation>Time (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency over time</source>
        <translation>Latency over time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latency (ms)</source>
        <translation>Latency (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throughput and errors</source>
        <translation>Throughput and errors</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Operations/s</source>
        <translation>Operations/s</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Throughput</source>
        <translation>Throughput</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error rate</source>
        <translation>Error rate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors (%)</source>
        <translation>Errors (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operations by type</source>
        <translation>Operations by type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write</source>
        <translation>Write</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalidate</source>
        <translation>Invalidate</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Hit rate</source>
        <translation>Hit rate</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Hits (%)</source>
        <translation>Hits (%)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All operations</source>
        <translation>All operations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Logarithmic latency axis</source>
        <translation>&amp;Logarithmic latency axis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show latency over time on a logarithmic scale, so spikes and the median fit in one view</source>
        <translation>Show latency over time on a logarithmic scale, so spikes and the median fit in one view</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a legend entry to hide or show a series. Drag to pan, wheel to zoom, double-click to fit; right-click a chart to save it as PNG or PDF.</source>
        <translation>Click a legend entry to hide or show a series. Drag to pan, wheel to zoom, double-click to fit; right-click a chart to save it as PNG or PDF.</translation>
    </message>
</context>
<context>
    <name>cwb::RunSummaryView</name>
    <message>
        <location filename="../widgets/run/runsummaryview.cpp" line="+48"/>
        <location line="+164"/>
        <location line="+4"/>
        <source>not measured</source>
        <translation>not measured</translation>
    </message>
    <message>
        <location line="-158"/>
        <location line="+104"/>
        <location line="+82"/>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
    <message>
        <location line="-184"/>
        <location line="+153"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="-151"/>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+10"/>
        <location line="+7"/>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+10"/>
        <source>Ops/s</source>
        <translation>Ops/s</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>p99.9</source>
        <translation>p99.9</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Latency of successful operations per type, measured by the workbench</source>
        <translation>Latency of successful operations per type, measured by the workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error class</source>
        <translation>Error class</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed operations and connection attempts by cause</source>
        <translation>Failed operations and connection attempts by cause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server memory and CPU, and the workbench&apos;s own CPU cost</source>
        <translation>Server memory and CPU, and the workbench&apos;s own CPU cost</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operations by the cluster node that served them, and their latency</source>
        <translation>Operations by the cluster node that served them, and their latency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency percentiles</source>
        <translation>Latency percentiles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Memory and CPU</source>
        <translation>Memory and CPU</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load per node</source>
        <translation>Load per node</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load per agent</source>
        <translation>Load per agent</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No finished run yet. Start a load test to see its summary here.</source>
        <translation>No finished run yet. Start a load test to see its summary here.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped early</source>
        <translation>Stopped early</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 against %3, %4 s measured.&lt;br&gt;&lt;b&gt;%5&lt;/b&gt; ops/s · p99 &lt;b&gt;%6&lt;/b&gt; · errors &lt;b&gt;%7%&lt;/b&gt; · hit rate &lt;b&gt;%8&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 against %3, %4 s measured.&lt;br&gt;&lt;b&gt;%5&lt;/b&gt; ops/s · p99 &lt;b&gt;%6&lt;/b&gt; · errors &lt;b&gt;%7%&lt;/b&gt; · hit rate &lt;b&gt;%8&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insecure: the server&apos;s TLS certificate was not verified; these figures may come from anyone on the path.</source>
        <translation>Insecure: the server&apos;s TLS certificate was not verified; these figures may come from anyone on the path.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write</source>
        <translation>Write</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invalidate</source>
        <translation>Invalidate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redis %1 (%2, %3)</source>
        <translation>Redis %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server memory before</source>
        <translation>Server memory before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server memory after</source>
        <translation>Server memory after</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server memory peak</source>
        <translation>Server memory peak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server CPU</source>
        <translation>Server CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evicted / expired keys</source>
        <translation>Evicted / expired keys</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client CPU per operation</source>
        <translation>Client CPU per operation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client memory peak</source>
        <translation>Client memory peak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worker threads</source>
        <translation>Worker threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys cleaned up</source>
        <translation>Keys cleaned up</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no cleanup</source>
        <translation>no cleanup</translation>
    </message>
</context>
<context>
    <name>cwb::RunsTableModel</name>
    <message>
        <location filename="../widgets/models/runstablemodel.cpp" line="+41"/>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped after %1 s</source>
        <translation>stopped after %1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>baseline</source>
        <translation>baseline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not comparable (%1)</source>
        <translation>not comparable (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>improved</source>
        <translation>improved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regressed</source>
        <translation>regressed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not comparable</source>
        <translation>not comparable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no baseline</source>
        <translation>no baseline</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>custom</source>
        <translation>custom</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run %1 (%2, %3)</source>
        <translation>Run %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The baseline for this test name and target</source>
        <translation>The baseline for this test name and target</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throughput (ops/s)</source>
        <translation>Throughput (ops/s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error rate</source>
        <translation>Error rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict vs baseline</source>
        <translation>Verdict vs baseline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compared with the baseline of the same test name and target</source>
        <translation>Compared with the baseline of the same test name and target</translation>
    </message>
</context>
<context>
    <name>cwb::SandboxLauncher</name>
    <message>
        <location filename="../widgets/sandboxlauncher.cpp" line="+50"/>
        <source>The sandbox did not start.</source>
        <translation>The sandbox did not start.</translation>
    </message>
</context>
<context>
    <name>cwb::SeriesChart</name>
    <message>
        <location filename="../widgets/charts/serieschart.cpp" line="+25"/>
        <source>%1 — drag to pan, wheel to zoom, double-click to fit, right-click to save</source>
        <translation>%1 — drag to pan, wheel to zoom, double-click to fit, right-click to save</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fit to Data</source>
        <translation>Fit to Data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Chart as PNG…</source>
        <translation>Save Chart as PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Chart as PDF…</source>
        <translation>Save Chart as PDF…</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>Unknown image format &apos;%1&apos;: use .png or .pdf</source>
        <translation>Unknown image format &apos;%1&apos;: use .png or .pdf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write %1</source>
        <translation>Could not write %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save Chart as PDF</source>
        <translation>Save Chart as PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save Chart as PNG</source>
        <translation>Save Chart as PNG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
</context>
<context>
    <name>cwb::ServerProbe</name>
    <message>
        <location filename="../widgets/serverprobe.cpp" line="+11"/>
        <source>Nothing is listening at %1. Is the server running?</source>
        <translation>Nothing is listening at %1. Is the server running?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host name in %1 does not resolve.</source>
        <translation>The host name in %1 does not resolve.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 did not answer within %2 s.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 wants a password: enter it in the Password field.</source>
        <translation>%1 wants a password: enter it in the Password field.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rejected the login: check the user name and password.</source>
        <translation>%1 rejected the login: check the user name and password.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TLS with %1 failed: %2</source>
        <translation>TLS with %1 failed: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not talk to %1.</source>
        <translation>Could not talk to %1.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Could not talk to the server.</source>
        <translation>Could not talk to the server.</translation>
    </message>
</context>
<context>
    <name>cwb::ServiceBanner</name>
    <message>
        <location filename="../widgets/servicebanner.cpp" line="+23"/>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>another process</source>
        <translation>another process</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 since %2</source>
        <translation>%1 since %2</translation>
    </message>
</context>
<context>
    <name>cwb::TargetBar</name>
    <message>
        <location filename="../widgets/targetbar.cpp" line="+53"/>
        <source>S&amp;erver:</source>
        <translation>S&amp;erver:</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>The Redis server to work against: redis://[user:@]host[:port][/db], rediss://… for TLS, or unix:///path/to/redis.sock</source>
        <translation>The Redis server to work against: redis://[user:@]host[:port][/db], rediss://… for TLS, or unix:///path/to/redis.sock</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Server URI</source>
        <translation>Server URI</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>TLS…</source>
        <translation>TLS…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS settings</source>
        <translation>TLS settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INSECURE</source>
        <translation>INSECURE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS without verification: the server&apos;s certificate and host name are not checked, so anyone on the path can read and change this traffic. Change it under TLS…</source>
        <translation>TLS without verification: the server&apos;s certificate and host name are not checked, so anyone on the path can read and change this traffic. Change it under TLS…</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+330"/>
        <source>Password for AUTH, if the server needs one. Kept in memory only: never saved, logged or exported.</source>
        <translation>Password for AUTH, if the server needs one. Kept in memory only: never saved, logged or exported.</translation>
    </message>
    <message>
        <location line="-328"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remember in keychain</source>
        <translation>Remember in keychain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a password that logged in successfully in the system keychain and fill it in when this server is chosen again. Unticking forgets the password saved for the current server. Never stored anywhere else.</source>
        <translation>Save a password that logged in successfully in the system keychain and fill it in when this server is chosen again. Unticking forgets the password saved for the current server. Never stored anywhere else.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test the connection and read the server&apos;s version, role and memory</source>
        <translation>Test the connection and read the server&apos;s version, role and memory</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check permissions…</source>
        <translation>Check permissions…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find out which features work with this user on this server (renamed commands, ACL limits), why not, and the ACL line that enables them</source>
        <translation>Find out which features work with this user on this server (renamed commands, ACL limits), why not, and the ACL line that enables them</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+135"/>
        <source>TLS needs a redis:// or rediss:// URI</source>
        <translation>TLS needs a redis:// or rediss:// URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS is on (rediss://). Change the CA, client certificate, server name, version or ciphers</source>
        <translation>TLS is on (rediss://). Change the CA, client certificate, server name, version or ciphers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speak TLS to this server: CA, client certificate, server name, version, ciphers</source>
        <translation>Speak TLS to this server: CA, client certificate, server name, version, ciphers</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Starting sandbox…</source>
        <translation>Starting sandbox…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a valid URI</source>
        <translation>not a valid URI</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invalid server URI: %1</source>
        <translation>Invalid server URI: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Invalid URI: %1</source>
        <translation>Invalid URI: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not connected. Press Connect, or start a local sandbox to try things out.</source>
        <translation>Not connected. Press Connect, or start a local sandbox to try things out.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connection state</source>
        <translation>Connection state</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connection failed</source>
        <translation>Connection failed</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The password for %1 was removed from the keychain.</source>
        <translation>The password for %1 was removed from the keychain.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password for %1 could not be removed from the keychain.</source>
        <translation>The password for %1 could not be removed from the keychain.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Password filled in from the system keychain for %1.</source>
        <translation>Password filled in from the system keychain for %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password could be read from the keychain for %1.</source>
        <translation>No password could be read from the keychain for %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The password for %1 was saved in the keychain.</source>
        <translation>The password for %1 was saved in the keychain.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password for %1 was not saved in the keychain.</source>
        <translation>The password for %1 was not saved in the keychain.</translation>
    </message>
    <message>
        <location line="+15"/>
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
    <name>cwb::TlsDialog</name>
    <message>
        <location filename="../widgets/target/tlsdialog.cpp" line="+46"/>
        <source>TLS Settings</source>
        <translation>TLS Settings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Use TLS (rediss://)</source>
        <translation>&amp;Use TLS (rediss://)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypt every connection to this server and check its certificate, as managed services require</source>
        <translation>Encrypt every connection to this server and check its certificate, as managed services require</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA certificate:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>System trust store</source>
        <translation>System trust store</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate (PEM) of the authority that signed the server&apos;s certificate, or a folder of hashed CA certificates. Empty: the system&apos;s trusted authorities.</source>
        <translation>The certificate (PEM) of the authority that signed the server&apos;s certificate, or a folder of hashed CA certificates. Empty: the system&apos;s trusted authorities.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client ce&amp;rtificate:</source>
        <translation>Client ce&amp;rtificate:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>For servers that want a client certificate (mutual TLS), PEM</source>
        <translation>For servers that want a client certificate (mutual TLS), PEM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client &amp;key:</source>
        <translation>Client &amp;key:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client certificate&apos;s private key, PEM</source>
        <translation>The client certificate&apos;s private key, PEM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key &amp;pass phrase:</source>
        <translation>Key &amp;pass phrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for an encrypted key. Kept in memory only: never saved, logged or exported.</source>
        <translation>Only for an encrypted key. Kept in memory only: never saved, logged or exported.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server &amp;name (SNI):</source>
        <translation>Server &amp;name (SNI):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the host in the URI</source>
        <translation>the host in the URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name sent to the server and checked against its certificate, when it differs from the host you connect to (a tunnel, an IP address)</source>
        <translation>The name sent to the server and checked against its certificate, when it differs from the host you connect to (a tunnel, an IP address)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS 1.2 (default)</source>
        <translation>TLS 1.2 (default)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.3</source>
        <translation>TLS 1.3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The oldest protocol version the workbench accepts</source>
        <translation>The oldest protocol version the workbench accepts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Minimum version:</source>
        <translation>&amp;Minimum version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;iphers (TLS 1.2):</source>
        <translation>C&amp;iphers (TLS 1.2):</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>OpenSSL&apos;s default</source>
        <translation>OpenSSL&apos;s default</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>An OpenSSL cipher list, for example ECDHE+AESGCM</source>
        <translation>An OpenSSL cipher list, for example ECDHE+AESGCM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher &amp;suites (TLS 1.3):</source>
        <translation>Cipher &amp;suites (TLS 1.3):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS 1.3 suites separated by colons, for example TLS_AES_256_GCM_SHA384</source>
        <translation>TLS 1.3 suites separated by colons, for example TLS_AES_256_GCM_SHA384</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip &amp;verification (insecure)</source>
        <translation>Skip &amp;verification (insecure)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept any certificate for any name. Only for a test server you control.</source>
        <translation>Accept any certificate for any name. Only for a test server you control.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s certificate and host name will NOT be checked: anyone on the path can read and change this traffic, passwords included.</source>
        <translation>The server&apos;s certificate and host name will NOT be checked: anyone on the path can read and change this traffic, passwords included.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certificates and keys (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Certificates and keys (*.pem *.crt *.cer *.key);;All files (*)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder: choose a file.</source>
        <translation>%1 is a folder: choose a file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be read (permissions).</source>
        <translation>%1 cannot be read (permissions).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The key %1 is encrypted: enter its pass phrase.</source>
        <translation>The key %1 is encrypted: enter its pass phrase.</translation>
    </message>
</context>
<context>
    <name>cwb::TopologyGraph</name>
    <message>
        <location filename="../widgets/cluster/topologygraph.cpp" line="+87"/>
        <source>No cluster yet. Connect to a Redis Cluster node (or start a local cluster sandbox) to see its topology.</source>
        <translation>No cluster yet. Connect to a Redis Cluster node (or start a local cluster sandbox) to see its topology.</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+65"/>
        <source>master</source>
        <translation>master</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+65"/>
        <source>replica</source>
        <translation>replica</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>suspected</source>
        <translation>suspected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 slots</source>
        <translation>%1 slots</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>lag %1</source>
        <translation>lag %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 ops/s · %3</source>
        <translation>%1 · %2 ops/s · %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no slots</source>
        <translation>no slots</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>slots %1</source>
        <translation>slots %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offset %1 · lag %2</source>
        <translation>offset %1 · lag %2</translation>
    </message>
</context>
<context>
    <name>cwb::WarmingPage</name>
    <message>
        <location filename="../widgets/pages/warmingpage.cpp" line="+87"/>
        <source>Warming</source>
        <translation>Warming</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the cache ahead of traffic from key lists, datasets, another server or recorded traffic, on a schedule.</source>
        <translation>Fill the cache ahead of traffic from key lists, datasets, another server or recorded traffic, on a schedule.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Running %1 ...</source>
        <translation>Running %1 ...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New plan...</source>
        <translation>New plan...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a plan from a strategy template</source>
        <translation>Write a plan from a strategy template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import...</source>
        <translation>Import...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the plans of a JSON plan file</source>
        <translation>Add the plans of a JSON plan file</translation>
    </message>
    <message>
        <location line="+426"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="-423"/>
        <source>Run now</source>
        <translation>Run now</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Remove...</source>
        <translation>Remove...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run the selected plan against the current target now</source>
        <translation>Run the selected plan against the current target now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the running plan after its current batch</source>
        <translation>Stop the running plan after its current batch</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+18"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Strategy</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next run</source>
        <translation>Next run</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last result</source>
        <translation>Last result</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plans saved here are picked up by the service. Run now runs a plan from this window.</source>
        <translation>Plans saved here are picked up by the service. Run now runs a plan from this window.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it stopped</source>
        <translation>Why it stopped</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Next 24 hours</source>
        <translation>Next 24 hours</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The warming service stopped: schedules run from this window again.</source>
        <translation>The warming service stopped: schedules run from this window again.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Schedules are run by the warming service (%1).</source>
        <translation>Schedules are run by the warming service (%1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It has not looked at the schedule since %1.</source>
        <translation>It has not looked at the schedule since %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Target: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No target</source>
        <translation>No target</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved plans could not be read: %1</source>
        <translation>Saved plans could not be read: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose a target first: the plan names no server of its own.</source>
        <translation>Choose a target first: the plan names no server of its own.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Queued %1</source>
        <translation>Queued %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on demand</source>
        <translation>on demand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid schedule</source>
        <translation>invalid schedule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>local time</source>
        <translation>local time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>every minute</source>
        <translation>every minute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every %1 minutes</source>
        <translation>every %1 minutes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every %1 hours at :%2</source>
        <translation>every %1 hours at :%2</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Plans imported: %1</source>
        <translation>Plans imported: %1</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>hourly at :%1</source>
        <translation>hourly at :%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>daily at %1</source>
        <translation>daily at %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>monthly on day %1 at %2</source>
        <translation>monthly on day %1 at %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>custom schedule</source>
        <translation>custom schedule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (disabled)</source>
        <translation>%1 (disabled)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never run</source>
        <translation>never run</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>schedule</source>
        <translation>schedule</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory limit</source>
        <translation>memory limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2 skipped)</source>
        <translation>%1 (%2 skipped)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Import Warming Plans</source>
        <translation>Import Warming Plans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan files (*.json);;All files (*)</source>
        <translation>Plan files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not imported: %1</source>
        <translation>Not imported: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove Warming Plan</source>
        <translation>Remove Warming Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the warming plan “%1”?</source>
        <translation>Remove the warming plan “%1”?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its schedule stops. The keys it wrote stay until they expire; its run history is kept.</source>
        <translation>Its schedule stops. The keys it wrote stay until they expire; its run history is kept.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2 keys, %3, batch of %4</source>
        <translation>%1: %2 keys, %3, batch of %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, %1 skipped (%2)</source>
        <translation>, %1 skipped (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cwb::WarmingPlanDialog</name>
    <message>
        <location filename="../widgets/pages/warmingplandialog.cpp" line="+20"/>
        <source>Warming Plan</source>
        <translation>Warming Plan</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The plan as JSON, as `cache-workbench-cli warm` reads it. Paste a plan here; a valid one fills the form.</source>
        <translation>The plan as JSON, as `cache-workbench-cli warm` reads it. Paste a plan here; a valid one fills the form.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>JSON (advanced)</source>
        <translation>JSON (advanced)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>another plan has this name</source>
        <translation>another plan has this name</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>JSON (advanced, not valid)</source>
        <translation>JSON (advanced, not valid)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The plan is not valid:</source>
        <translation>The plan is not valid:</translation>
    </message>
</context>
<context>
    <name>cwb::WarmingPlanForm</name>
    <message>
        <location filename="../widgets/pages/warmingplanform.cpp" line="+76"/>
        <source>e.g. users-before-opening</source>
        <translation>e.g. users-before-opening</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run on its schedule</source>
        <translation>Run on its schedule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty: on demand only; e.g. 0 6 * * *</source>
        <translation>empty: on demand only; e.g. 0 6 * * *</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>empty: the window&apos;s target</source>
        <translation>empty: the window&apos;s target</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keep existing keys</source>
        <translation>keep existing keys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replace keys of the same type</source>
        <translation>replace keys of the same type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replace any existing key</source>
        <translation>replace any existing key</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 = unlimited</source>
        <translation>0 = unlimited</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 = only the server&apos;s maxmemory</source>
        <translation>0 = only the server&apos;s maxmemory</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unique among the plans; runs are recorded under it</source>
        <translation>Unique among the plans; runs are recorded under it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strategy:</source>
        <translation>Strategy:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where the warmed keys come from</source>
        <translation>Where the warmed keys come from</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority:</source>
        <translation>Priority:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plans due at the same time run high first, then medium, then low</source>
        <translation>Plans due at the same time run high first, then medium, then low</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off: the schedule is kept but does not fire; Run now still works</source>
        <translation>Off: the schedule is kept but does not fire; Run now still works</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cron:</source>
        <translation>Cron:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minute hour day-of-month month day-of-week, e.g. */15 * * * * or 0 6 * * MON-FRI</source>
        <translation>minute hour day-of-month month day-of-week, e.g. */15 * * * * or 0 6 * * MON-FRI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone:</source>
        <translation>Time zone:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>utc, local or a zone such as Europe/Berlin: the schedule follows its wall clock</source>
        <translation>utc, local or a zone such as Europe/Berlin: the schedule follows its wall clock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next runs:</source>
        <translation>Next runs:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target and keys</source>
        <translation>Target and keys</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Redis URI without password (CWB_REDIS_PASSWORD supplies it)</source>
        <translation>A Redis URI without password (CWB_REDIS_PASSWORD supplies it)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key prefix:</source>
        <translation>Key prefix:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every key the plan writes starts with it</source>
        <translation>Every key the plan writes starts with it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Existing keys:</source>
        <translation>Existing keys:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the plan does with a key that already exists on the target; every run reports what it replaced</source>
        <translation>What the plan does with a key that already exists on the target; every run reports what it replaced</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pace and memory</source>
        <translation>Pace and memory</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch size:</source>
        <translation>Batch size:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys per pipelined batch</source>
        <translation>Keys per pipelined batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch delay:</source>
        <translation>Batch delay:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause between batches</source>
        <translation>Pause between batches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate limit:</source>
        <translation>Rate limit:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys per second; 0 = unlimited</source>
        <translation>Keys per second; 0 = unlimited</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TTL:</source>
        <translation>TTL:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expiry of written keys (copies keep the source&apos;s)</source>
        <translation>Expiry of written keys (copies keep the source&apos;s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory budget:</source>
        <translation>Memory budget:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes of used_memory the target may reach; the run stops before it (and before maxmemory)</source>
        <translation>Bytes of used_memory the target may reach; the run stops before it (and before maxmemory)</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>(default)</source>
        <translation>(default)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Parameters of %1 (* required; empty: the default)</source>
        <translation>Parameters of %1 (* required; empty: the default)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; is not a whole number</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+46"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; is not a number</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>not valid JSON: %1</source>
        <translation>not valid JSON: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&apos;%1&apos; is not a whole number of bytes</source>
        <translation>&apos;%1&apos; is not a whole number of bytes</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>another plan has this name</source>
        <translation>another plan has this name</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>On demand only: the plan runs when you press Run now.</source>
        <translation>On demand only: the plan runs when you press Run now.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No preview until the schedule and time zone are valid.</source>
        <translation>No preview until the schedule and time zone are valid.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ This schedule never fires: no date matches it (e.g. 30 February).</source>
        <translation>⚠ This schedule never fires: no date matches it (e.g. 30 February).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(disabled: these runs happen only once it is enabled)</source>
        <translation>(disabled: these runs happen only once it is enabled)</translation>
    </message>
</context>
<context>
    <name>cwb::WarmingTimeline</name>
    <message>
        <location filename="../widgets/pages/warmingtimeline.cpp" line="+21"/>
        <source>Warming runs in the next 24 hours</source>
        <translation>Warming runs in the next 24 hours</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+34"/>
        <source>No plans</source>
        <translation>No plans</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no run in the next 24 hours</source>
        <translation>no run in the next 24 hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>runs: %1, next at %2</source>
        <translation>runs: %1, next at %2</translation>
    </message>
</context>
</TS>
