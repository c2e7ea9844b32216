<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>cwb::AgentSeries</name>
    <message>
        <location filename="../widgets/charts/agentseries.cpp" line="+81"/>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
</context>
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
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errors</source>
        <translation>Fehler</translation>
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
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each agent of the distributed run: its state, its share of the load and, when it was lost or refused, why</source>
        <translation>Jeder Agent des verteilten Laufs: sein Zustand, sein Anteil an der Last und, wenn er verloren ging oder ablehnte, warum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>cwb::AgentsPanel</name>
    <message>
        <location filename="../widgets/agents/agentspanel.cpp" line="+37"/>
        <source>Idle</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Running %1</source>
        <translation>Läuft %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expires in %1 s</source>
        <translation>läuft in %1 s ab</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Coordination &amp;server:</source>
        <translation>Koordinations&amp;server:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Redis server the agents were started with (--coordinator); saved without its password</source>
        <translation>Der Redis-Server, mit dem die Agenten gestartet wurden (--coordinator); gespeichert ohne sein Passwort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The coordination server&apos;s password, kept in memory only</source>
        <translation>Das Passwort des Koordinationsservers, nur im Speicher gehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the agents connected to the coordination server now</source>
        <translation>Die mit dem Koordinationsserver verbundenen Agenten jetzt auflisten</translation>
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
        <translation>Kerne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clock skew (ms)</source>
        <translation>Uhrabweichung (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Health</source>
        <translation>Lebenszeichen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allowed targets</source>
        <translation>Erlaubte Ziele</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check the agents the next run uses</source>
        <translation>Die Agenten ankreuzen, die der nächste Lauf nutzt</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Enter the coordination server the agents were started with (agent --coordinator URI).</source>
        <translation>Den Koordinationsserver eingeben, mit dem die Agenten gestartet wurden (agent --coordinator URI).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no coordination server entered</source>
        <translation>kein Koordinationsserver eingegeben</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Speaks protocol %1, this workbench %2: run the same workbench version on both.</source>
        <translation>Spricht Protokoll %1, diese Workbench %2: auf beiden dieselbe Workbench-Version verwenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Busy with a run (%1).</source>
        <translation>Mit einem Lauf beschäftigt (%1).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not a coordination server URI: %1</source>
        <translation>Keine URI eines Koordinationsservers: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Asking %1 for its agents…</source>
        <translation>Frage %1 nach seinen Agenten…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not list the agents: %1</source>
        <translation>Die Agenten konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 answered, but its agents could not be listed: %2</source>
        <translation>%1 antwortete, aber seine Agenten konnten nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No agent is connected to %1. Start one with: cache-workbench-cli agent --coordinator URI --allow-target PATTERN</source>
        <translation>Mit %1 ist kein Agent verbunden. Einen starten mit: cache-workbench-cli agent --coordinator URI --allow-target MUSTER</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n agent(s) connected to %1, %2 chosen.</source>
        <translation>
            <numerusform>%n Agent mit %1 verbunden, %2 gewählt.</numerusform>
            <numerusform>%n Agenten mit %1 verbunden, %2 gewählt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Check to run the next test on %1 too</source>
        <translation>Ankreuzen, um den nächsten Test auch auf %1 laufen zu lassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The choice is fixed while a run uses the agents.</source>
        <translation>Die Auswahl steht fest, solange ein Lauf die Agenten nutzt.</translation>
    </message>
</context>
<context>
    <name>cwb::AlertPanel</name>
    <message>
        <location filename="../widgets/monitoring/alertpanel.cpp" line="+42"/>
        <location line="+58"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+56"/>
        <source>Firing</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+57"/>
        <location line="+234"/>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <location line="-290"/>
        <location line="+57"/>
        <location line="+238"/>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+54"/>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+56"/>
        <source>&amp;Resolve</source>
        <translation>Be&amp;heben</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Active</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show alerts in this state</source>
        <translation>Alarme in diesem Zustand anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any severity</source>
        <translation>Jeder Schweregrad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show alerts of this severity</source>
        <translation>Alarme dieses Schweregrads anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+230"/>
        <source>until resolved</source>
        <translation>bis behoben</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>for 15 minutes</source>
        <translation>für 15 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for 1 hour</source>
        <translation>für 1 Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for 4 hours</source>
        <translation>für 4 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for 1 day</source>
        <translation>für 1 Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long an acknowledgement silences repeat notifications</source>
        <translation>Wie lange eine Bestätigung wiederholte Benachrichtigungen unterdrückt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge the selected alert: it stays open but stops repeating notifications (Ctrl+K)</source>
        <translation>Den gewählten Alarm bestätigen: Er bleibt offen, wiederholt aber keine Benachrichtigungen mehr (Strg+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve the selected alert now (Ctrl+Shift+R)</source>
        <translation>Den gewählten Alarm jetzt beheben (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+205"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="-205"/>
        <location line="+204"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+213"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+46"/>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Durch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alert history</source>
        <translation>Alarmverlauf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an alert to see its details.</source>
        <translation>Wählen Sie einen Alarm, um seine Details zu sehen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>%1 (now %2)</source>
        <translation>%1 (jetzt %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 firing, %2 pending, %3 acknowledged</source>
        <translation>%1 ausgelöst, %2 ausstehend, %3 bestätigt</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value when fired</source>
        <translation>Wert beim Auslösen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest value</source>
        <translation>Letzter Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 by %2, %3</source>
        <translation>%1 durch %2, %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 by %2</source>
        <translation>%1 durch %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent via %1</source>
        <translation>Gesendet über %1</translation>
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
        <translation>neuer Versuch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Copy Alert ID</source>
        <translation>Alarm-ID kopieren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>reminder</source>
        <translation>Erinnerung</translation>
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
        <translation>Cache-Grundoperationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent reads</source>
        <translation>Gleichzeitige Lesezugriffe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent writes</source>
        <translation>Gleichzeitige Schreibzugriffe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed operations</source>
        <translation>Gemischte Operationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalidation patterns</source>
        <translation>Invalidierungsmuster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session management</source>
        <translation>Sitzungsverwaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geospatial queries</source>
        <translation>Geodatenabfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real-time updates</source>
        <translation>Echtzeit-Aktualisierungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory stress</source>
        <translation>Speicherbelastung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High-concurrency stress</source>
        <translation>Hochlast mit vielen Verbindungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>improved</source>
        <translation>verbessert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regressed</source>
        <translation>verschlechtert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not enough runs yet</source>
        <translation>noch zu wenige Läufe</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Benchmarks</source>
        <translation>Benchmarks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ten specialised benchmarks with latency, memory and CPU figures, and their trend across runs.</source>
        <translation>Zehn spezialisierte Benchmarks mit Latenz-, Speicher- und CPU-Werten und ihrem Verlauf über mehrere Läufe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Benchmarks to run</source>
        <translation>Auszuführende Benchmarks</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+215"/>
        <source>Not run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Run on a local &amp;sandbox</source>
        <translation>In lokaler &amp;Sandbox ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a throw-away redis-server for the run instead of using the target</source>
        <translation>Für den Lauf einen Wegwerf-redis-server starten, statt das Ziel zu verwenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run &amp;Selected</source>
        <translation>&amp;Ausgewählte ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the ticked benchmarks one after another</source>
        <translation>Die angehakten Benchmarks nacheinander ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &amp;All</source>
        <translation>A&amp;lle ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run all ten benchmarks</source>
        <translation>Alle zehn Benchmarks ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the running benchmark; its keys are still cleaned up</source>
        <translation>Den laufenden Benchmark anhalten; seine Schlüssel werden trotzdem aufgeräumt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ops/s</source>
        <translation>Ops/s</translation>
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
        <translation>p99,9</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Measured operations</source>
        <translation>Gemessene Operationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency (µs)</source>
        <translation>Latenz (µs)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Memory (MiB)</source>
        <translation>Speicher (MiB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High-concurrency ramp</source>
        <translation>Verbindungsrampe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>Throughput (ops/s)</source>
        <translation>Durchsatz (Ops/s)</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+5"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
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
        <translation>Verlauf der gespeicherten Läufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run</source>
        <translation>Lauf</translation>
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
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ramp</source>
        <translation>Rampe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Target: a local sandbox started for the run</source>
        <translation>Ziel: eine für den Lauf gestartete lokale Sandbox</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target: none — enter one in the connection bar or tick the sandbox</source>
        <translation>Ziel: keines – in der Verbindungsleiste eingeben oder die Sandbox ankreuzen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Tick at least one benchmark.</source>
        <translation>Mindestens einen Benchmark ankreuzen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No target: enter one in the connection bar or tick the sandbox.</source>
        <translation>Kein Ziel: in der Verbindungsleiste eingeben oder die Sandbox ankreuzen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Running %n benchmark(s)…</source>
        <translation>
            <numerusform>%n Benchmark läuft …</numerusform>
            <numerusform>%n Benchmarks laufen …</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Server used_memory</source>
        <translation>Server used_memory</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server RSS</source>
        <translation>Server-RSS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Workbench RSS</source>
        <translation>Workbench-RSS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No result store: trends are not available.</source>
        <translation>Kein Ergebnisspeicher: Verläufe sind nicht verfügbar.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%1 on %2: %n stored run(s); latest: %3</source>
        <translation>
            <numerusform>%1 auf %2: %n gespeicherter Lauf; letzter: %3</numerusform>
            <numerusform>%1 auf %2: %n gespeicherte Läufe; letzter: %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 vs median %3 (%4%) — %5</source>
        <translation>%1: %2 gegenüber Median %3 (%4 %) – %5</translation>
    </message>
</context>
<context>
    <name>cwb::ChartStyle</name>
    <message>
        <location filename="../widgets/charts/chartstyle.cpp" line="+85"/>
        <source>No data yet</source>
        <translation>Noch keine Daten</translation>
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
        <translation>Knoten, Slot-Bereiche und Replikate des Clusters ansehen und erkennen, wie sich die Last auf die Shards verteilt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharding simulation</source>
        <translation>Sharding-Simulation</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The connected server is not running in cluster mode.</source>
        <translation>Der verbundene Server läuft nicht im Cluster-Modus.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+43"/>
        <source>Not connected to a cluster.</source>
        <translation>Nicht mit einem Cluster verbunden.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the topology again now (it also refreshes every 1.5 s)</source>
        <translation>Die Topologie jetzt neu einlesen (sie wird außerdem alle 1,5 s aktualisiert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual failover</source>
        <translation>Manueller Failover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run CLUSTER FAILOVER on the selected replica: it becomes the master of its shard</source>
        <translation>CLUSTER FAILOVER auf dem gewählten Replikat ausführen: Es wird zum Master seines Shards</translation>
    </message>
    <message>
        <location filename="../widgets/guitools.cpp" line="+331"/>
        <location filename="../widgets/pages/clusterpage.cpp" line="+1"/>
        <source>Kill master</source>
        <translation>Master beenden</translation>
    </message>
    <message>
        <location filename="../widgets/pages/clusterpage.cpp" line="+1"/>
        <source>Kill the selected master&apos;s process to watch automatic failover (local sandbox clusters only)</source>
        <translation>Den Prozess des gewählten Masters beenden, um den automatischen Failover zu beobachten (nur lokale Sandbox-Cluster)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+20"/>
        <location line="+350"/>
        <source>Slot ownership (0-16383)</source>
        <translation>Slot-Zuordnung (0–16383)</translation>
    </message>
    <message>
        <location line="-356"/>
        <source>Reading the cluster topology from %1…</source>
        <translation>Cluster-Topologie wird von %1 gelesen…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cannot read the cluster topology: %1</source>
        <translation>Die Cluster-Topologie kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Slot ownership (0-16383) by master</source>
        <translation>Slot-Zuordnung (0–16383) nach Master</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>all slots covered</source>
        <translation>alle Slots abgedeckt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncovered slots: %1</source>
        <translation>nicht abgedeckte Slots: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Failing over to %1…</source>
        <translation>Failover auf %1 läuft…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Failover done.</source>
        <translation>Failover abgeschlossen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failover stopped before the replica took over.</source>
        <translation>Der Failover wurde angehalten, bevor das Replikat übernahm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failover failed: %1</source>
        <translation>Failover fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Killed %1; the cluster marks it failed after its node timeout and promotes a replica.</source>
        <translation>%1 beendet; der Cluster markiert ihn nach seinem Knoten-Timeout als ausgefallen und befördert ein Replikat.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Consistent hashing (virtual nodes)</source>
        <translation>Konsistentes Hashing (virtuelle Knoten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis Cluster slots (CRC16, 16384)</source>
        <translation>Redis-Cluster-Slots (CRC16, 16384)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key ranges (split points)</source>
        <translation>Schlüsselbereiche (Teilungspunkte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump consistent hash</source>
        <translation>Jump Consistent Hash</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Multi-probe consistent hashing: each key is hashed this many times and goes to the closest ring point. 1 is the classic ring; more probes balance the nodes better.</source>
        <translation>Konsistentes Hashing mit mehreren Sondierungen: Jeder Schlüssel wird so oft gehasht und dem nächstgelegenen Ringpunkt zugeordnet. 1 ist der klassische Ring; mehr Sondierungen verteilen die Schlüssel gleichmäßiger auf die Knoten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uniform</source>
        <translation>Gleichverteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zipfian (hot keys)</source>
        <translation>Zipf (heiße Schlüssel)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual nodes per node:</source>
        <translation>Virtuelle Knoten je Knoten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probes per key:</source>
        <translation>Sondierungen je Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic:</source>
        <translation>Verkehr:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add node</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove node</source>
        <translation>Knoten entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail node</source>
        <translation>Knoten ausfallen lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add one node and show which keys move</source>
        <translation>Einen Knoten hinzufügen und zeigen, welche Schlüssel umziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the last node and show which keys move</source>
        <translation>Den letzten Knoten entfernen und zeigen, welche Schlüssel umziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected (or first) master in the simulated cluster and watch its replica take over</source>
        <translation>Den gewählten (oder ersten) Master im simulierten Cluster anhalten und zusehen, wie sein Replikat übernimmt</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+99"/>
        <source>Add or remove a node to see how many keys move.</source>
        <translation>Fügen Sie einen Knoten hinzu oder entfernen Sie einen, um zu sehen, wie viele Schlüssel umziehen.</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key share</source>
        <translation>Schlüsselanteil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traffic share</source>
        <translation>Verkehrsanteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory (est.)</source>
        <translation>Speicher (geschätzt)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redis slots</source>
        <translation>Redis-Slots</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Slot ranges</source>
        <translation>Slot-Bereiche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hash slots of a Redis Cluster with these nodes: the simulated slot map under the slots strategy, otherwise the even split redis-cli --cluster create makes (the failover model below uses it).</source>
        <translation>Die Hash-Slots eines Redis Clusters mit diesen Knoten: unter der Slot-Strategie die simulierte Slot-Zuordnung, sonst die gleichmäßige Aufteilung, die redis-cli --cluster create vornimmt (das Failover-Modell unten verwendet sie).</translation>
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
        <translation>Schlüssel je Knoten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ideal (keys / nodes)</source>
        <translation>Ideal (Schlüssel / Knoten)</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+44"/>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>%1 masters, %2 replicas</source>
        <translation>%1 Master, %2 Replikate</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n failed node(s)</source>
        <translation>
            <numerusform>, %n ausgefallener Knoten</numerusform>
            <numerusform>, %n ausgefallene Knoten</numerusform>
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
        <translation>Am stärksten belasteter Knoten %1 × Mittelwert, Standardabweichung %2 %, heißester Knoten %3 × mittlerer Verkehr; die Zuordnung von %4 Schlüsseln dauerte %5 ms.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hash ring ownership (0 to 2^64)</source>
        <translation>Zuordnung im Hash-Ring (0 bis 2^64)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key ranges in sorted key order</source>
        <translation>Schlüsselbereiche in sortierter Schlüsselreihenfolge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump hash: each node owns 1/N of the hash space, not contiguous</source>
        <translation>Jump Hash: Jeder Knoten besitzt 1/N des Hash-Raums, nicht zusammenhängend</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+22"/>
        <source>%1: %2 keys moved (%3 % of all; the ideal is %4 %, so %5 × ideal).</source>
        <translation>%1: %2 Schlüssel umgezogen (%3 % aller; ideal wären %4 %, also %5 × ideal).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 stopped; watch the health checks and the failover.</source>
        <translation>%1 angehalten; beobachten Sie die Zustandsprüfungen und den Failover.</translation>
    </message>
</context>
<context>
    <name>cwb::DesktopChannel</name>
    <message>
        <location filename="../widgets/monitoring/desktopchannel.cpp" line="+34"/>
        <source>Cache Workbench alert</source>
        <translation>Cache-Workbench-Alarm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>shown in the system tray</source>
        <translation>im Infobereich angezeigt</translation>
    </message>
</context>
<context>
    <name>cwb::KeyScanPanel</name>
    <message>
        <location filename="../widgets/optimise/keyscanpanel.cpp" line="+34"/>
        <source>key prefix, e.g. session: (empty: all keys)</source>
        <translation>Schlüsselpräfix, z. B. session: (leer: alle Schlüssel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys starting with this text are sampled with SCAN MATCH (never KEYS), at most 1,000 keys and 20 SCAN calls a second</source>
        <translation>Schlüssel, die mit diesem Text beginnen, werden per SCAN MATCH (nie KEYS) gesichtet: höchstens 1.000 Schlüssel und 20 SCAN-Aufrufe pro Sekunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan target&apos;s keys</source>
        <translation>Schlüssel des Ziels scannen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads the target&apos;s own keys; writes nothing.</source>
        <translation>Liest die eigenen Schlüssel des Ziels; schreibt nichts.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LFU counter / size</source>
        <translation>LFU-Zähler / Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of sample</source>
        <translation>Anteil der Stichprobe</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enter a valid target first.</source>
        <translation>Geben Sie zuerst ein gültiges Ziel ein.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scan failed: %1</source>
        <translation>Scan fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The scan could not start.</source>
        <translation>Der Scan konnte nicht starten.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 keys sampled with %2 SCAN calls; maxmemory-policy %3.</source>
        <translation>%1 Schlüssel mit %2 SCAN-Aufrufen gesichtet; maxmemory-policy %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped early: the figures are of the keys sampled until then.</source>
        <translation>Vorzeitig angehalten: Die Zahlen gelten für die bis dahin gesichteten Schlüssel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More keys match: this is a sample, not every key.</source>
        <translation>Es passen mehr Schlüssel: Dies ist eine Stichprobe, nicht jeder Schlüssel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access frequency needs an LFU maxmemory-policy (allkeys-lfu or volatile-lfu), so only sizes are shown.</source>
        <translation>Die Zugriffshäufigkeit braucht eine LFU-maxmemory-policy (allkeys-lfu oder volatile-lfu), daher werden nur Größen gezeigt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>hot (LFU)</source>
        <translation>heiß (LFU)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>big</source>
        <translation>groß</translation>
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
        <translation>Ein kurzer Name für den Lauf; Baselines werden je Name und Ziel geführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descr&amp;iption:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this test is for, saved with the results</source>
        <translation>Wozu dieser Test dient; wird mit den Ergebnissen gespeichert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the measurement runs, in seconds (warm-up not included)</source>
        <translation>Wie lange die Messung läuft, in Sekunden (ohne Aufwärmphase)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Warm-up:</source>
        <translation>&amp;Aufwärmen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load applied before the measurement starts; excluded from the results</source>
        <translation>Last vor Beginn der Messung; zählt nicht zu den Ergebnissen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> users</source>
        <translation> Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Virtual users:</source>
        <translation>&amp;Virtuelle Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concurrent virtual users; each has its own connection</source>
        <translation>Gleichzeitige virtuelle Benutzer; jeder hat eine eigene Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as fast as possible (closed loop)</source>
        <translation>so schnell wie möglich (geschlossene Schleife)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Target rate:</source>
        <translation>&amp;Zielrate:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total requests per second (open loop, latency includes queueing). 0 runs a closed loop: each user sends its next request when the previous answered</source>
        <translation>Anfragen pro Sekunde insgesamt (offene Schleife, Latenz enthält Wartezeit). 0 startet eine geschlossene Schleife: Jeder Benutzer sendet die nächste Anfrage, sobald die vorige beantwortet ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> in flight</source>
        <translation> unterwegs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pipeline:</source>
        <translation>&amp;Pipeline:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests each user keeps in flight (closed loop only)</source>
        <translation>Anfragen, die jeder Benutzer gleichzeitig offen hält (nur geschlossene Schleife)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operation mix</source>
        <translation>Operationsmix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Read</source>
        <translation>&amp;Lesen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wr&amp;ite</source>
        <translation>Sc&amp;hreiben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&amp;elete</source>
        <translation>Lösc&amp;hen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In&amp;validate</source>
        <translation>In&amp;validieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of reads (GET, HGETALL, ...): hits and misses are counted</source>
        <translation>Anteil der Lesezugriffe (GET, HGETALL, ...): Treffer und Fehltreffer werden gezählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of writes (SET with TTL, HSET, ...)</source>
        <translation>Anteil der Schreibzugriffe (SET mit TTL, HSET, ...)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of deletes (UNLINK)</source>
        <translation>Anteil der Löschungen (UNLINK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of tag invalidations (deleting every key of a tag)</source>
        <translation>Anteil der Tag-Invalidierungen (alle Schlüssel eines Tags löschen)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The shares always add up to 100%: changing one adjusts the others in proportion</source>
        <translation>Die Anteile ergeben immer 100 %: Eine Änderung passt die anderen anteilig an</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keys and values</source>
        <translation>Schlüssel und Werte</translation>
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
        <translation>Sitzung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Geo</source>
        <translation>Geo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plain values: GET / SET with TTL</source>
        <translation>Einfache Werte: GET / SET mit TTL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Objects as hashes: HGETALL / HSET</source>
        <translation>Objekte als Hashes: HGETALL / HSET</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session records: hash plus sliding expiry</source>
        <translation>Sitzungsdaten: Hash mit gleitendem Ablauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Geospatial sets: GEOSEARCH / GEOADD</source>
        <translation>Geodaten: GEOSEARCH / GEOADD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counters: GET / INCRBY</source>
        <translation>Zähler: GET / INCRBY</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cache types:</source>
        <translation>Cache-Typen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kinds of cached data the operations work on; at least one</source>
        <translation>Arten von Cache-Daten, auf denen die Operationen arbeiten; mindestens eine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> keys</source>
        <translation> Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key space:</source>
        <translation>&amp;Schlüsselraum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distinct keys per cache type; smaller means more hits</source>
        <translation>Verschiedene Schlüssel je Cache-Typ; kleiner heißt mehr Treffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uniform</source>
        <translation>Gleichverteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zipfian (hot keys)</source>
        <translation>Zipf (heiße Schlüssel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian</source>
        <translation>Gauß</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequential</source>
        <translation>Sequenziell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key &amp;distribution:</source>
        <translation>Schlüssel&amp;verteilung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How keys are picked from the key space</source>
        <translation>Wie Schlüssel aus dem Schlüsselraum gewählt werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zipf &amp;exponent:</source>
        <translation>Zipf-&amp;Exponent:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skew of the Zipfian distribution (Zipfian only); 0.99 is typical</source>
        <translation>Schiefe der Zipf-Verteilung (nur Zipf); 0,99 ist üblich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gaussian &amp;sigma:</source>
        <translation>Gauß-&amp;Sigma:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard deviation as a fraction of the key space (Gaussian only)</source>
        <translation>Standardabweichung als Anteil des Schlüsselraums (nur Gauß)</translation>
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
        <translation>Wertgröße mi&amp;n.:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smallest value written, in bytes</source>
        <translation>Kleinster geschriebener Wert, in Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value size ma&amp;x:</source>
        <translation>Wertgröße ma&amp;x.:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest value written, in bytes (at most 16 MiB)</source>
        <translation>Größter geschriebener Wert, in Bytes (höchstens 16 MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no expiry</source>
        <translation>kein Ablauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;TTL:</source>
        <translation>&amp;TTL:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expiry of written keys; 0 = no expiry</source>
        <translation>Ablaufzeit geschriebener Schlüssel; 0 = kein Ablauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> tags</source>
        <translation> Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalidation tags the keys are spread over</source>
        <translation>Invalidierungs-Tags, auf die sich die Schlüssel verteilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key &amp;prefix:</source>
        <translation>Schlüssel&amp;präfix:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every key the test writes starts with this; cleanup deletes only keys under it</source>
        <translation>Jeder Schlüssel des Tests beginnt damit; das Aufräumen löscht nur Schlüssel darunter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request ti&amp;meout:</source>
        <translation>Anfrage-&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request without a reply after this counts as a timeout error</source>
        <translation>Eine Anfrage ohne Antwort nach dieser Zeit zählt als Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> threads</source>
        <translation> Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W&amp;orker threads:</source>
        <translation>Arbeits-&amp;Threads:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Threads driving the virtual users; 0 = automatic: one per CPU core, one less for a server on this machine, and for an open loop only as many as its rate needs</source>
        <translation>Threads, die die virtuellen Benutzer antreiben; 0 = automatisch: einer pro CPU-Kern, einer weniger für einen Server auf diesem Rechner, und für eine offene Schleife nur so viele, wie ihre Rate braucht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>See&amp;d:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed of the key sequence: the same seed repeats the same keys</source>
        <translation>Zufallsstartwert der Schlüsselfolge: derselbe Wert wiederholt dieselben Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the test&apos;s keys after the run</source>
        <translation>Schlüssel des Tests nach dem Lauf löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cleanup:</source>
        <translation>&amp;Aufräumen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SCAN and UNLINK every key under the prefix when the run ends</source>
        <translation>Am Ende des Laufs jeden Schlüssel unter dem Präfix per SCAN und UNLINK löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read from replic&amp;as (Redis Cluster)</source>
        <translation>Von &amp;Replikaten lesen (Redis Cluster)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replicas:</source>
        <translation>Replikate:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redis Cluster only: reads go to each slot&apos;s replicas (after READONLY), writes stay on the masters. A run against a single server with this set is refused</source>
        <translation>Nur Redis Cluster: Lesezugriffe gehen an die Replikate des jeweiligen Slots (nach READONLY), Schreibzugriffe bleiben auf den Mastern. Ein Lauf gegen einen einzelnen Server wird mit dieser Einstellung abgelehnt</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>must be a non-negative integer</source>
        <translation>muss eine nicht negative ganze Zahl sein</translation>
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
            <numerusform>… und %n weiteres Problem: siehe Tooltip</numerusform>
            <numerusform>… und %n weitere Probleme: siehe Tooltip</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Total: %1%</source>
        <translation>Summe: %1 %</translation>
    </message>
</context>
<context>
    <name>cwb::LoadTestPage</name>
    <message>
        <location filename="../widgets/pages/loadtestpage.cpp" line="+67"/>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warming up</source>
        <translation>Aufwärmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping</source>
        <translation>Wird angehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+582"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-567"/>
        <source>Load Test</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configure a load test against the target server and watch throughput, latency and errors live.</source>
        <translation>Einen Lasttest gegen den Zielserver einrichten und Durchsatz, Latenz und Fehler live verfolgen.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pr&amp;eset:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill the form from a built-in test; any edit makes it a custom test</source>
        <translation>Formular aus einem eingebauten Test füllen; jede Änderung macht daraus einen eigenen Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>Eigener</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load a configuration from a JSON file (Ctrl+O)</source>
        <translation>Eine Konfiguration aus einer JSON-Datei laden (Strg+O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the configuration as JSON, without any password (Ctrl+S)</source>
        <translation>Die Konfiguration als JSON speichern, ohne Passwort (Strg+S)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>R&amp;un on:</source>
        <translation>A&amp;usführen auf:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the load comes from: this machine, or the agents checked on the Agents tab (one run, merged exactly)</source>
        <translation>Woher die Last kommt: dieser Rechner oder die im Reiter Agenten angekreuzten Agenten (ein Lauf, exakt zusammengeführt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This machine</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+198"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Suite</source>
        <translation>Suite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A built-in sequence of tests, run one after another against the target</source>
        <translation>Eine eingebaute Folge von Tests, die nacheinander gegen das Ziel laufen</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1 (%n test(s))</source>
        <translation>
            <numerusform>%1 (%n Test)</numerusform>
            <numerusform>%1 (%n Tests)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run s&amp;uite</source>
        <translation>S&amp;uite ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run every test of the chosen suite in turn; each is saved to the results</source>
        <translation>Jeden Test der gewählten Suite nacheinander ausführen; jeder wird in den Ergebnissen gespeichert</translation>
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
        <translation>Den Lasttest gegen das Ziel starten (F5)</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the run; what was measured so far is kept (Shift+F5 or Esc)</source>
        <translation>Den Lauf anhalten; bisher Gemessenes bleibt erhalten (Umschalt+F5 oder Esc)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+261"/>
        <location line="+158"/>
        <source>Progress of the current run, warm-up included</source>
        <translation>Fortschritt des aktuellen Laufs, einschließlich Aufwärmphase</translation>
    </message>
    <message>
        <location line="-418"/>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Figures of the last tenth of a second</source>
        <translation>Werte der letzten Zehntelsekunde</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tests of the suite completed</source>
        <translation>Abgeschlossene Tests der Suite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%v of %m tests</source>
        <translation>%v von %m Tests</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Live charts</source>
        <translation>&amp;Live-Diagramme</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This run</source>
        <translation>Dieser Lauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This run against the baseline of its test name and target</source>
        <translation>Dieser Lauf im Vergleich zur Baseline seines Testnamens und Ziels</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save as &amp;baseline</source>
        <translation>Als &amp;Baseline speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this run the baseline for its test name and target</source>
        <translation>Diesen Lauf zur Baseline für seinen Testnamen und sein Ziel machen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Compare with baseline</source>
        <translation>Mit Baseline &amp;vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare this run with the baseline of its test name and target</source>
        <translation>Diesen Lauf mit der Baseline seines Testnamens und Ziels vergleichen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export C&amp;SV…</source>
        <translation>C&amp;SV exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The per-second series as CSV</source>
        <translation>Die sekündliche Zeitreihe als CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;JSON…</source>
        <translation>&amp;JSON exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every metric, per-operation percentiles and histograms as JSON</source>
        <translation>Alle Kennzahlen, Perzentile je Operation und Histogramme als JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Prometheus…</source>
        <translation>&amp;Prometheus exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run&apos;s metrics in the Prometheus text format</source>
        <translation>Die Kennzahlen des Laufs im Prometheus-Textformat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Report…</source>
        <translation>&amp;Bericht…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A self-contained HTML report with tables and charts</source>
        <translation>Ein eigenständiger HTML-Bericht mit Tabellen und Diagrammen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;ummary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;gents</source>
        <translation>A&amp;genten</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Agents of this run</source>
        <translation>Agenten dieses Laufs</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Agents (%n chosen)</source>
        <translation>
            <numerusform>Agenten (%n gewählt)</numerusform>
            <numerusform>Agenten (%n gewählt)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The run could not be saved to the results.</source>
        <translation>Der Lauf konnte nicht in den Ergebnissen gespeichert werden.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Start the load test on the agents checked on the Agents tab (F5)</source>
        <translation>Den Lasttest auf den im Reiter Agenten angekreuzten Agenten starten (F5)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Enter a valid target server first.</source>
        <translation>Geben Sie zuerst einen gültigen Zielserver ein.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the coordination server on the Agents tab first.</source>
        <translation>Zuerst den Koordinationsserver im Reiter Agenten eingeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check at least one idle agent on the Agents tab first.</source>
        <translation>Zuerst mindestens einen freien Agenten im Reiter Agenten ankreuzen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+1"/>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The suite &apos;%1&apos; could not be loaded.</source>
        <translation>Die Suite „%1“ konnte nicht geladen werden.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Suite &apos;%1&apos; stopped after %2 of %3 tests</source>
        <translation>Suite „%1“ nach %2 von %3 Tests angehalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suite &apos;%1&apos; finished: %2 tests</source>
        <translation>Suite „%1“ abgeschlossen: %2 Tests</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Suite &apos;%1&apos;: test %2 of %3 (%4)</source>
        <translation>Suite „%1“: Test %2 von %3 (%4)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 · %2 elapsed · %3 remaining</source>
        <translation>%1 · %2 vergangen · %3 verbleibend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now: %1 ops/s · p99 %2 · %3 errors/s · %4 of %5 users connected</source>
        <translation>Jetzt: %1 Ops/s · p99 %2 · %3 Fehler/s · %4 von %5 Benutzern verbunden</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 of %n agent(s) running</source>
        <translation>
            <numerusform>%1 von %n Agent läuft</numerusform>
            <numerusform>%1 von %n Agenten laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n lost</source>
        <translation>
            <numerusform>, %n verloren</numerusform>
            <numerusform>, %n verloren</numerusform>
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
        <translation>Der Lauf endete bei %1 % seiner geplanten Dauer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The load test failed.</source>
        <translation>Der Lasttest ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped after %1 s measured</source>
        <translation>Nach %1 s Messung angehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open Configuration</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load test configurations (*.json);;All files (*)</source>
        <translation>Lasttest-Konfigurationen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open %1.</source>
        <translation>%1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a valid load test configuration: %2</source>
        <translation>%1 ist keine gültige Lasttest-Konfiguration: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save Configuration</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load test configurations (*.json)</source>
        <translation>Lasttest-Konfigurationen (*.json)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export JSON</source>
        <translation>JSON exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Prometheus Metrics</source>
        <translation>Prometheus-Metriken exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus text format (*.prom *.txt)</source>
        <translation>Prometheus-Textformat (*.prom *.txt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save Report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML reports (*.html)</source>
        <translation>HTML-Berichte (*.html)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;JSON files (*.json);;Prometheus text format (*.prom);;HTML reports (*.html)</source>
        <translation>CSV-Dateien (*.csv);;JSON-Dateien (*.json);;Prometheus-Textformat (*.prom);;HTML-Berichte (*.html)</translation>
    </message>
    <message>
        <location line="-434"/>
        <source>This run is now the baseline for its test and target.</source>
        <translation>Dieser Lauf ist jetzt die Baseline für seinen Test und sein Ziel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The baseline could not be set.</source>
        <translation>Die Baseline konnte nicht gesetzt werden.</translation>
    </message>
    <message>
        <location line="+484"/>
        <source>The comparison failed.</source>
        <translation>Der Vergleich ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no baseline for this test and target yet. Use &quot;Save as baseline&quot; on a run you trust.</source>
        <translation>Für diesen Test und dieses Ziel gibt es noch keine Baseline. Verwenden Sie „Als Baseline speichern“ bei einem Lauf, dem Sie vertrauen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Against the baseline: &lt;b&gt;not comparable&lt;/b&gt; (%1); the figures are listed without a verdict.</source>
        <translation>Gegenüber der Baseline: &lt;b&gt;nicht vergleichbar&lt;/b&gt; (%1); die Zahlen werden ohne Bewertung aufgeführt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Against the baseline: &lt;b&gt;%1&lt;/b&gt; (changes within ±%2% count as unchanged)</source>
        <translation>Gegenüber der Baseline: &lt;b&gt;%1&lt;/b&gt; (Änderungen innerhalb ±%2 % gelten als unverändert)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>n/a</source>
        <translation>k. A.</translation>
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
        <translation>Lokale Redis-Cluster-Sandbox wird gestartet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting a local Redis sandbox…</source>
        <translation>Lokale Redis-Sandbox wird gestartet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Local sandbox stopped</source>
        <translation>Lokale Sandbox beendet</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a page (Ctrl+1 to Ctrl+7)</source>
        <translation>Seite wählen (Strg+1 bis Strg+7)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Load Test</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Configure and run a load test</source>
        <translation>Einen Lasttest einrichten und ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Benchmarks</source>
        <translation>Benchmarks</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run benchmark suites</source>
        <translation>Benchmark-Suiten ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inspect the cluster topology</source>
        <translation>Die Cluster-Topologie untersuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check settings and get tuning advice</source>
        <translation>Einstellungen prüfen und Optimierungstipps erhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warming</source>
        <translation>Vorwärmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pre-load the cache</source>
        <translation>Den Cache vorab füllen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Watch the server live</source>
        <translation>Den Server live beobachten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Browse, compare and export past runs</source>
        <translation>Frühere Läufe durchsehen, vergleichen und exportieren</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Configuration…</source>
        <translation>Konfiguration ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a saved load test configuration</source>
        <translation>Eine gespeicherte Lasttest-Konfiguration öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Configuration…</source>
        <translation>Konfiguration &amp;speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the current load test configuration (without passwords)</source>
        <translation>Die aktuelle Lasttest-Konfiguration speichern (ohne Passwörter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Results…</source>
        <translation>Ergebnisse &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the selected results as CSV, JSON or a report</source>
        <translation>Die ausgewählten Ergebnisse als CSV, JSON oder Bericht exportieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit Cache Workbench and stop any local sandbox</source>
        <translation>Cache Workbench beenden und eine laufende lokale Sandbox stoppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the configured run</source>
        <translation>Den eingerichteten Lauf starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the run in progress</source>
        <translation>Den laufenden Lauf anhalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the whole screen for the window</source>
        <translation>Das Fenster auf den ganzen Bildschirm vergrößern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change the interface language and other preferences</source>
        <translation>Sprache der Oberfläche und weitere Einstellungen ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Cache Workbench</source>
        <translation>Ü&amp;ber Cache Workbench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version and licence information</source>
        <translation>Versions- und Lizenzinformationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Qt version this program uses</source>
        <translation>Die von diesem Programm verwendete Qt-Version</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection to the target server</source>
        <translation>Verbindung zum Zielserver</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redis version of the target server</source>
        <translation>Redis-Version des Zielservers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory used by the target server when it was last read</source>
        <translation>Vom Zielserver belegter Speicher beim letzten Auslesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State of the current run</source>
        <translation>Zustand des aktuellen Laufs</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Applied the tuner&apos;s recommendation: %1</source>
        <translation>Empfehlung des Tuners übernommen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The result store could not be opened.</source>
        <translation>Der Ergebnisspeicher konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The result store was damaged and has been reset.</source>
        <translation>Der Ergebnisspeicher war beschädigt und wurde neu angelegt.</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%1, %n firing alert(s)</source>
        <translation>
            <numerusform>%1, %n aktiver Alarm</numerusform>
            <numerusform>%1, %n aktive Alarme</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redis %1</source>
        <translation>Redis %1</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Quit Cache Workbench</source>
        <translation>Cache Workbench beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A run is in progress. Stop it and quit? What it measured so far is saved as a stopped run, and the keys it wrote are removed.</source>
        <translation>Ein Lauf ist im Gange. Anhalten und beenden? Was er bisher gemessen hat, wird als angehaltener Lauf gespeichert, und die Schlüssel, die er geschrieben hat, werden entfernt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop and Quit</source>
        <translation>Anhalten und beenden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stopping before quitting…</source>
        <translation>Wird vor dem Beenden angehalten …</translation>
    </message>
    <message>
        <location line="-265"/>
        <location line="+138"/>
        <source>%1 used</source>
        <translation>%1 belegt</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+8"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Local sandbox running at %1; it stops when you quit</source>
        <translation>Lokale Sandbox läuft unter %1; sie endet beim Beenden des Programms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The local sandbox did not start.</source>
        <translation>Die lokale Sandbox ist nicht gestartet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The new language takes effect the next time Cache Workbench starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Cache Workbench.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About Cache Workbench</source>
        <translation>Über Cache Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Cache Workbench %1&lt;/h3&gt;&lt;p&gt;Load tests, benchmarks, cluster inspection, cache warming and monitoring for Redis used as a cache.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cache Workbench %1&lt;/h3&gt;&lt;p&gt;Lasttests, Benchmarks, Cluster-Analyse, Cache-Vorwärmen und Überwachung für Redis als Cache.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
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
        <translation>Den vollständigen Fehlertext ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dismiss this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>cwb::MonitoringPage</name>
    <message>
        <location filename="../widgets/pages/monitoringpage.cpp" line="+358"/>
        <source>The monitoring service collects; stop it to monitor from this window</source>
        <translation>Der Überwachungsdienst sammelt; beenden Sie ihn, um aus diesem Fenster zu überwachen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collection and alerts are run by the monitoring service (%1), watching %2. This window shows what it stores and neither polls nor sends alerts itself.</source>
        <translation>Sammeln und Alarme übernimmt der Überwachungsdienst (%1) für %2. Dieses Fenster zeigt, was er speichert, und fragt weder selbst ab noch sendet es Alarme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its target</source>
        <translation>sein Ziel</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>the monitoring service (%1)</source>
        <translation>der Überwachungsdienst (%1)</translation>
    </message>
    <message>
        <location line="-403"/>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
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
        <translation>seit der letzten Abfrage neu gestartet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Watch hit ratio, memory, evictions and commands per second of the target server over time.</source>
        <translation>Trefferquote, Speicher, Verdrängungen und Befehle pro Sekunde des Zielservers im Zeitverlauf beobachten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+252"/>
        <source>Start Monitoring</source>
        <translation>Überwachung starten</translation>
    </message>
    <message>
        <location line="-249"/>
        <location line="+197"/>
        <source>Connect to a target first</source>
        <translation>Verbinden Sie sich zuerst mit einem Ziel</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time range of the trend chart and of exports</source>
        <translation>Zeitraum des Verlaufsdiagramms und der Exporte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commands per second</source>
        <translation>Befehle pro Sekunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hit rate (%)</source>
        <translation>Trefferquote (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory used (MB)</source>
        <translation>Belegter Speicher (MB)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connected clients</source>
        <translation>Verbundene Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99 latency (ms)</source>
        <translation>p99-Latenz (ms)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error rate (%)</source>
        <translation>Fehlerquote (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evictions per second</source>
        <translation>Verdrängungen pro Sekunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network out (B/s)</source>
        <translation>Netzwerk ausgehend (B/s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert &amp;Rules…</source>
        <translation>Alarm&amp;regeln…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the history of the chosen range as JSON, CSV or Prometheus text</source>
        <translation>Den Verlauf des gewählten Zeitraums als JSON, CSV oder Prometheus-Text speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ops/s</source>
        <translation>Ops/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hit rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99 latency</source>
        <translation>p99-Latenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Service Status</source>
        <translation>Dienststatus</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The alert could not be changed.</source>
        <translation>Der Alarm konnte nicht geändert werden.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Poll %1 every collection interval</source>
        <translation>%1 in jedem Erfassungsintervall abfragen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Stop Monitoring</source>
        <translation>Überwachung beenden</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>load: %1</source>
        <translation>Last: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 evictions/s</source>
        <translation>%1 Verdrängungen/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 keys</source>
        <translation>%1 Schlüssel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>load run, last interval</source>
        <translation>Lasttest, letztes Intervall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>server, since reset</source>
        <translation>Server, seit Zurücksetzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>workbench: %1</source>
        <translation>Workbench: %1</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 reachable</source>
        <translation>%1 erreichbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 unreachable</source>
        <translation>%1 nicht erreichbar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Collector:</source>
        <translation>Erfassung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running, every %1 s</source>
        <translation>läuft, alle %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sample:</source>
        <translation>Letzte Messung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nodes:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>/metrics:</source>
        <translation>/metrics:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>notifies while minimised</source>
        <translation>benachrichtigt, wenn minimiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing sent yet</source>
        <translation>noch nichts gesendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>retrying</source>
        <translation>neuer Versuch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The monitoring settings were not applied.</source>
        <translation>Die Überwachungseinstellungen wurden nicht übernommen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The alert rules were not applied.</source>
        <translation>Die Alarmregeln wurden nicht übernommen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown file type &apos;%1&apos;: use .json, .csv or .prom</source>
        <translation>Unbekannter Dateityp „%1“: verwenden Sie .json, .csv oder .prom</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export Monitoring History</source>
        <translation>Überwachungsverlauf exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json);;CSV (*.csv);;Prometheus text (*.prom)</source>
        <translation>JSON (*.json);;CSV (*.csv);;Prometheus-Text (*.prom)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Monitoring history saved to %1.</source>
        <translation>Überwachungsverlauf in %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The monitoring history could not be saved.</source>
        <translation>Der Überwachungsverlauf konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>cwb::MonitoringSettingsDialog</name>
    <message>
        <location filename="../widgets/monitoring/monitoringsettingsdialog.cpp" line="+38"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Monitoring Settings</source>
        <translation>Überwachungseinstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 turns this rule off</source>
        <translation>0 schaltet diese Regel aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Collect metrics while a target is connected</source>
        <translation>Messwerte erfassen, solange ein Ziel verbunden ist</translation>
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
        <translation>Alarmregeln auswerten</translation>
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
        <translation>Erfassungs&amp;intervall:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retention:</source>
        <translation>Auf&amp;bewahrung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Memory above:</source>
        <translation>&amp;Speicher über:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CPU above:</source>
        <translation>&amp;CPU über:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hit rate below:</source>
        <translation>&amp;Trefferquote unter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99 &amp;latency above:</source>
        <translation>p99-&amp;Latenz über:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Error rate above:</source>
        <translation>&amp;Fehlerquote über:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fire after (for):</source>
        <translation>Auslösen nach (for):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve after clear for:</source>
        <translation>Beheben nach Normalzustand für:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write every transition to a log file</source>
        <translation>Jeden Zustandswechsel in eine Protokolldatei schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default location</source>
        <translation>Standardort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POST alerts as JSON to a webhook</source>
        <translation>Alarme als JSON per POST an einen Webhook senden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send alerts by email (SMTP)</source>
        <translation>Alarme per E-Mail senden (SMTP)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Require STARTTLS</source>
        <translation>STARTTLS verlangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is read from CWB_SMTP_PASSWORD and never saved</source>
        <translation>Das Passwort wird aus CWB_SMTP_PASSWORD gelesen und nie gespeichert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>comma-separated addresses</source>
        <translation>durch Kommas getrennte Adressen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System tray notification while minimised</source>
        <translation>Benachrichtigung im Infobereich, wenn minimiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log file:</source>
        <translation>Protokolldatei:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webhook URL:</source>
        <translation>Webhook-URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP server:</source>
        <translation>SMTP-Server:</translation>
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
        <translation>Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serve /metrics in the Prometheus format</source>
        <translation>/metrics im Prometheus-Format bereitstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allow binding beyond loopback (needs a token)</source>
        <translation>Bindung über Loopback hinaus erlauben (erfordert ein Token)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bearer token, at least 16 characters; not saved (or set CWB_METRICS_TOKEN)</source>
        <translation>Bearer-Token, mindestens 16 Zeichen; wird nicht gespeichert (oder CWB_METRICS_TOKEN setzen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bind address:</source>
        <translation>Bindungsadresse:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bearer token:</source>
        <translation>Bearer-Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics Endpoint</source>
        <translation>Metrik-Endpunkt</translation>
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
        <translation>Durchsatz (Ops/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p99 (µs)</source>
        <translation>p99 (µs)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No measurements yet: run the experiments</source>
        <translation>Noch keine Messungen: Experimente ausführen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short, bounded experiments on the target: pipeline depth, pool size, compression and TTL policy, with recommendations from what was measured.</source>
        <translation>Kurze, begrenzte Experimente am Ziel: Pipeline-Tiefe, Poolgröße, Komprimierung und TTL-Strategie, mit Empfehlungen auf Grundlage der Messwerte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strategies</source>
        <translation>Strategien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pipeline depth</source>
        <translation>Pipeline-Tiefe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool size</source>
        <translation>Poolgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compression</source>
        <translation>Komprimierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TTL policy (local sandbox)</source>
        <translation>TTL-Strategie (lokale Sandbox)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hot and big keys (demonstration)</source>
        <translation>Heiße und große Schlüssel (Demonstration)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replays the workbench&apos;s own Zipfian trace under its own prefix to show how hot and big keys are found. It says nothing about your keys: scan them under &quot;Target&apos;s keys&quot;.</source>
        <translation>Spielt die eigene Zipf-Spur der Workbench unter ihrem eigenen Präfix ab, um zu zeigen, wie heiße und große Schlüssel gefunden werden. Über Ihre Schlüssel sagt sie nichts: Scannen Sie diese unter „Schlüssel des Ziels“.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time budget for all experiments, cleanup included</source>
        <translation>Zeitbudget für alle Experimente, einschließlich Aufräumen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much the target&apos;s used_memory may grow; the tuner stops and cleans up before</source>
        <translation>Wie stark used_memory des Ziels wachsen darf; der Optimierer hält vorher an und räumt auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply to test configuration</source>
        <translation>In Testkonfiguration übernehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand the recommended pipeline depth and pool size to the load test</source>
        <translation>Die empfohlene Pipeline-Tiefe und Poolgröße an den Lasttest übergeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time budget:</source>
        <translation>Zeitbudget:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory budget:</source>
        <translation>Speicherbudget:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pipeline depth</source>
        <translation>Pipeline-Tiefe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pool size</source>
        <translation>Poolgröße</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gain</source>
        <translation>Gewinn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence</source>
        <translation>Messgrundlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count / size</source>
        <translation>Anzahl / Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Demonstration: the workbench&apos;s own synthetic Zipfian trace, written under its own prefix and removed again. These are not your keys.</source>
        <translation>Demonstration: die eigene synthetische Zipf-Spur der Workbench, unter ihrem eigenen Präfix geschrieben und wieder entfernt. Das sind nicht Ihre Schlüssel.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Target&apos;s keys</source>
        <translation>Schlüssel des Ziels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demonstration (synthetic trace)</source>
        <translation>Demonstration (synthetische Spur)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Enter a valid target first.</source>
        <translation>Geben Sie zuerst ein gültiges Ziel ein.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>demo: hot (client)</source>
        <translation>Demo: heiß (Client)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>demo: hot (server, LFU)</source>
        <translation>Demo: heiß (Server, LFU)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>demo: big</source>
        <translation>Demo: groß</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Cancelling… (cleaning up the experiment&apos;s keys)</source>
        <translation>Wird abgebrochen… (die Schlüssel des Experiments werden aufgeräumt)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 in %2 s; peak used_memory growth %3; %4 keys cleaned up.</source>
        <translation>%1 in %2 s; maximaler Anstieg von used_memory %3; %4 Schlüssel aufgeräumt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2% %3</source>
        <translation>%1 %2 % %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(within noise)</source>
        <translation>(im Rauschen)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No measured change to apply</source>
        <translation>Keine gemessene Änderung zum Übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply: %1</source>
        <translation>Übernehmen: %1</translation>
    </message>
</context>
<context>
    <name>cwb::PercentileSpectrumChart</name>
    <message>
        <location filename="../widgets/charts/percentilespectrumchart.cpp" line="+17"/>
        <source>Latency distribution</source>
        <translation>Latenzverteilung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
</context>
<context>
    <name>cwb::PermissionDialog</name>
    <message>
        <location filename="../widgets/target/permissiondialog.cpp" line="+29"/>
        <source>Works</source>
        <translation>Funktioniert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Degraded</source>
        <translation>Eingeschränkt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unavailable</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Permissions on %1</source>
        <translation>Berechtigungen auf %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To enable what is missing, an administrator runs:</source>
        <translation>Um das Fehlende freizuschalten, führt ein Administrator aus:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the ACL SETUSER line to the clipboard</source>
        <translation>Die ACL-SETUSER-Zeile in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check &amp;Again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Checking which commands %1 allows…</source>
        <translation>Prüfe, welche Befehle %1 erlaubt …</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The permissions of %1 could not be checked.</source>
        <translation>Die Berechtigungen auf %1 konnten nicht geprüft werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The check stopped: %1.</source>
        <translation>Die Prüfung wurde abgebrochen: %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not applicable</source>
        <translation>Nicht zutreffend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not for this kind of server</source>
        <translation>nicht für diese Art von Server</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 reasons</source>
        <translation>%1 Gründe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User %1 on %2: %3 features work, %4 degraded, %5 unavailable.</source>
        <translation>Benutzer %1 auf %2: %3 Funktionen funktionieren, %4 eingeschränkt, %5 nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>cwb::PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="+13"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language of the user interface</source>
        <translation>Die Sprache der Benutzeroberfläche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new language takes effect the next time Cache Workbench starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Cache Workbench.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>cwb::ResultsPage</name>
    <message>
        <location filename="../widgets/pages/resultspage.cpp" line="+58"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Browse past runs, compare them side by side and export reports.</source>
        <translation>Frühere Läufe durchsehen, nebeneinander vergleichen und Berichte exportieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by name, preset, target or verdict</source>
        <translation>Nach Name, Vorlage, Ziel oder Bewertung filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only runs whose columns contain this text</source>
        <translation>Nur Läufe zeigen, deren Spalten diesen Text enthalten</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select a run to see it; select two to compare them</source>
        <translation>Einen Lauf wählen, um ihn zu sehen; zwei wählen, um sie zu vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored runs</source>
        <translation>Gespeicherte Läufe</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the selected run&apos;s charts and summary</source>
        <translation>Diagramme und Zusammenfassung des gewählten Laufs zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;mpare</source>
        <translation>Ver&amp;gleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlay the two selected runs in one chart with a table of differences</source>
        <translation>Die zwei gewählten Läufe in einem Diagramm überlagern, mit einer Tabelle der Unterschiede</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+164"/>
        <source>Mark as &amp;baseline</source>
        <translation>Als &amp;Baseline markieren</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Make the selected run the baseline for its test name and target, or unmark it</source>
        <translation>Den gewählten Lauf zur Baseline für Testnamen und Ziel machen oder die Markierung entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected runs</source>
        <translation>Die gewählten Läufe löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the selected runs as CSV (a table) or JSON (full documents) (Ctrl+E)</source>
        <translation>Die gewählten Läufe als CSV (Tabelle) oder JSON (vollständige Dokumente) exportieren (Strg+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read the stored runs again</source>
        <translation>Die gespeicherten Läufe neu einlesen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select two runs and press Compare.</source>
        <translation>Wählen Sie zwei Läufe und drücken Sie „Vergleichen“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Throughput and p99 of both runs</source>
        <translation>Durchsatz und p99 beider Läufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operations/s</source>
        <translation>Operationen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p99 latency (ms)</source>
        <translation>p99-Latenz (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A throughput</source>
        <translation>A Durchsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B throughput</source>
        <translation>B Durchsatz</translation>
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
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change (B vs A)</source>
        <translation>Änderung (B gegenüber A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each metric of run B against run A; changes within ±10% count as unchanged</source>
        <translation>Jede Kennzahl von Lauf B gegenüber Lauf A; Änderungen innerhalb ±10 % gelten als unverändert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message numerus="yes">
        <location line="+70"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stored runs could not be read.</source>
        <translation>Die gespeicherten Läufe konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unmark &amp;baseline</source>
        <translation>&amp;Baseline-Markierung entfernen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The run %1 could not be loaded.</source>
        <translation>Der Lauf %1 konnte nicht geladen werden.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The selected runs could not be loaded.</source>
        <translation>Die gewählten Läufe konnten nicht geladen werden.</translation>
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
        <translation>Nicht vergleichbar: %1. Die Zahlen werden aufgeführt, aber ohne Bewertung.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+6"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n stored run(s)? This cannot be undone.</source>
        <translation>
            <numerusform>%n gespeicherten Lauf löschen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n gespeicherte Läufe löschen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export Runs</source>
        <translation>Läufe exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV table (*.csv);;JSON documents (*.json)</source>
        <translation>CSV-Tabelle (*.csv);;JSON-Dokumente (*.json)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n run(s) to %1.</source>
        <translation>
            <numerusform>%n Lauf nach %1 exportiert.</numerusform>
            <numerusform>%n Läufe nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cwb::RuleEditorDialog</name>
    <message>
        <location filename="../widgets/monitoring/ruleeditordialog.cpp" line="+27"/>
        <source>Alert Rules</source>
        <translation>Alarmregeln</translation>
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
        <translation>So weit muss der Wert hinter die Schwelle zurückgehen, um als normal zu gelten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any target</source>
        <translation>jedes Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any node (host:port, workbench, load, all)</source>
        <translation>jeder Knoten (host:port, workbench, load, all)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Comparator:</source>
        <translation>&amp;Vergleich:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Threshold:</source>
        <translation>&amp;Schwelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>&amp;Dauer (for):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep firing for:</source>
        <translation>&amp;Ausgelöst halten für:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hysteresis:</source>
        <translation>&amp;Hysterese:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Severity:</source>
        <translation>Schwere&amp;grad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target label:</source>
        <translation>Ziel-Label:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node label:</source>
        <translation>Knoten-Label:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add Rule</source>
        <translation>Regel &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move Rule</source>
        <translation>Regel &amp;entfernen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Made from the thresholds in Monitoring Settings; change them there</source>
        <translation>Aus den Schwellen in den Monitoring-Einstellungen erzeugt; dort ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built-in rules (from the Settings thresholds):</source>
        <translation>Eingebaute Regeln (aus den Schwellen der Einstellungen):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your rules:</source>
        <translation>Ihre Regeln:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>none (alerting is off, or every threshold is 0)</source>
        <translation>keine (Alarmierung ist aus, oder jede Schwelle ist 0)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>New rule %1</source>
        <translation>Neue Regel %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>rules: the id &apos;%1&apos; is reserved for built-in rules</source>
        <translation>rules: die ID „%1“ ist für eingebaute Regeln reserviert</translation>
    </message>
</context>
<context>
    <name>cwb::RunCharts</name>
    <message>
        <location filename="../widgets/charts/runcharts.cpp" line="+17"/>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency over time</source>
        <translation>Latenz über die Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
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
        <translation>Durchsatz und Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Operations/s</source>
        <translation>Operationen/s</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors (%)</source>
        <translation>Fehler (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operations by type</source>
        <translation>Operationen nach Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalidate</source>
        <translation>Invalidieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Hit rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Hits (%)</source>
        <translation>Treffer (%)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All operations</source>
        <translation>Alle Operationen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Logarithmic latency axis</source>
        <translation>&amp;Logarithmische Latenzachse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show latency over time on a logarithmic scale, so spikes and the median fit in one view</source>
        <translation>Latenz über die Zeit logarithmisch zeigen, damit Spitzen und Median zusammen sichtbar sind</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per &amp;agent</source>
        <translation>Pro &amp;Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add each agent&apos;s throughput and p99 latency to the charts, next to the whole run&apos;s</source>
        <translation>Durchsatz und p99-Latenz jedes Agenten als eigene Kurven neben denen des ganzen Laufs zeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click a legend entry to hide or show a series. Drag to pan, wheel to zoom, double-click to fit; right-click a chart to save it as PNG or PDF.</source>
        <translation>Ein Klick auf einen Legendeneintrag blendet die Reihe aus oder ein. Ziehen verschiebt, das Mausrad zoomt, Doppelklick passt an; Rechtsklick speichert ein Diagramm als PNG oder PDF.</translation>
    </message>
</context>
<context>
    <name>cwb::RunSummaryView</name>
    <message>
        <location filename="../widgets/run/runsummaryview.cpp" line="+49"/>
        <location line="+172"/>
        <location line="+4"/>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location line="-166"/>
        <location line="+104"/>
        <location line="+90"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location line="-192"/>
        <location line="+161"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="-159"/>
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
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+10"/>
        <location line="+7"/>
        <source>Errors</source>
        <translation>Fehler</translation>
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
        <translation>Min.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean</source>
        <translation>Mittel</translation>
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
        <translation>p99,9</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Latency of successful operations per type, measured by the workbench</source>
        <translation>Latenz erfolgreicher Operationen je Typ, von der Workbench gemessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error class</source>
        <translation>Fehlerklasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed operations and connection attempts by cause</source>
        <translation>Fehlgeschlagene Operationen und Verbindungsversuche nach Ursache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server memory and CPU, and the workbench&apos;s own CPU cost</source>
        <translation>Speicher und CPU des Servers sowie die CPU-Kosten der Workbench selbst</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operations by the cluster node that served them, and their latency</source>
        <translation>Operationen nach dem Cluster-Knoten, der sie bedient hat, und ihre Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency percentiles</source>
        <translation>Latenz-Perzentile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Memory and CPU</source>
        <translation>Speicher und CPU</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load per node</source>
        <translation>Last je Knoten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load per agent</source>
        <translation>Last pro Agent</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No finished run yet. Start a load test to see its summary here.</source>
        <translation>Noch kein abgeschlossener Lauf. Starten Sie einen Lasttest, um hier seine Zusammenfassung zu sehen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped early</source>
        <translation>Vorzeitig angehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 against %3, %4 s measured.&lt;br&gt;&lt;b&gt;%5&lt;/b&gt; ops/s · p99 &lt;b&gt;%6&lt;/b&gt; · errors &lt;b&gt;%7%&lt;/b&gt; · hit rate &lt;b&gt;%8&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 gegen %3, %4 s gemessen.&lt;br&gt;&lt;b&gt;%5&lt;/b&gt; Ops/s · p99 &lt;b&gt;%6&lt;/b&gt; · Fehler &lt;b&gt;%7 %&lt;/b&gt; · Trefferquote &lt;b&gt;%8&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insecure: the server&apos;s TLS certificate was not verified; these figures may come from anyone on the path.</source>
        <translation>Unsicher: Das TLS-Zertifikat des Servers wurde nicht geprüft; diese Zahlen können von jedem auf dem Weg stammen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invalidate</source>
        <translation>Invalidieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>none</source>
        <translation>keine</translation>
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
        <translation>Serverspeicher vorher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server memory after</source>
        <translation>Serverspeicher nachher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server memory peak</source>
        <translation>Serverspeicher Spitze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server CPU</source>
        <translation>Server-CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evicted / expired keys</source>
        <translation>Verdrängte / abgelaufene Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client CPU per operation</source>
        <translation>Client-CPU pro Operation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client memory peak</source>
        <translation>Client-Speicher Spitze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worker threads</source>
        <translation>Arbeits-Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys cleaned up</source>
        <translation>Aufgeräumte Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no cleanup</source>
        <translation>kein Aufräumen</translation>
    </message>
</context>
<context>
    <name>cwb::RunsTableModel</name>
    <message>
        <location filename="../widgets/models/runstablemodel.cpp" line="+41"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped after %1 s</source>
        <translation>nach %1 s angehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not comparable (%1)</source>
        <translation>nicht vergleichbar (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>improved</source>
        <translation>verbessert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regressed</source>
        <translation>verschlechtert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not comparable</source>
        <translation>nicht vergleichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no baseline</source>
        <translation>keine Baseline</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>custom</source>
        <translation>eigener</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run %1 (%2, %3)</source>
        <translation>Lauf %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The baseline for this test name and target</source>
        <translation>Die Baseline für diesen Testnamen und dieses Ziel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throughput (ops/s)</source>
        <translation>Durchsatz (Ops/s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict vs baseline</source>
        <translation>Bewertung ggü. Baseline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compared with the baseline of the same test name and target</source>
        <translation>Verglichen mit der Baseline desselben Testnamens und Ziels</translation>
    </message>
</context>
<context>
    <name>cwb::SandboxLauncher</name>
    <message>
        <location filename="../widgets/sandboxlauncher.cpp" line="+50"/>
        <source>The sandbox did not start.</source>
        <translation>Die Sandbox ist nicht gestartet.</translation>
    </message>
</context>
<context>
    <name>cwb::SeriesChart</name>
    <message>
        <location filename="../widgets/charts/serieschart.cpp" line="+25"/>
        <source>%1 — drag to pan, wheel to zoom, double-click to fit, right-click to save</source>
        <translation>%1 — Ziehen verschiebt, Mausrad zoomt, Doppelklick passt an, Rechtsklick speichert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fit to Data</source>
        <translation>An Daten anpassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Chart as PDF…</source>
        <translation>Diagramm als PDF speichern…</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>Unknown image format &apos;%1&apos;: use .png or .pdf</source>
        <translation>Unbekanntes Bildformat „%1“: verwenden Sie .png oder .pdf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save Chart as PDF</source>
        <translation>Diagramm als PDF speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save Chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>cwb::ServerProbe</name>
    <message>
        <location filename="../widgets/serverprobe.cpp" line="+11"/>
        <source>Nothing is listening at %1. Is the server running?</source>
        <translation>Unter %1 lauscht nichts. Läuft der Server?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host name in %1 does not resolve.</source>
        <translation>Der Hostname in %1 lässt sich nicht auflösen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 wants a password: enter it in the Password field.</source>
        <translation>%1 verlangt ein Passwort: Geben Sie es im Feld „Passwort“ ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rejected the login: check the user name and password.</source>
        <translation>%1 hat die Anmeldung abgelehnt: Benutzername und Passwort prüfen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not talk to %1.</source>
        <translation>Keine Verständigung mit %1 möglich.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Could not talk to the server.</source>
        <translation>Keine Verbindung zum Server.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>TLS with %1 failed: %2</source>
        <translation>TLS mit %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>cwb::ServiceBanner</name>
    <message>
        <location filename="../widgets/servicebanner.cpp" line="+23"/>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>another process</source>
        <translation>ein anderer Prozess</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
</context>
<context>
    <name>cwb::TargetBar</name>
    <message>
        <location filename="../widgets/targetbar.cpp" line="+53"/>
        <source>S&amp;erver:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server URI</source>
        <translation>Server-URI</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+330"/>
        <source>Password for AUTH, if the server needs one. Kept in memory only: never saved, logged or exported.</source>
        <translation>Passwort für AUTH, falls der Server eines verlangt. Nur im Arbeitsspeicher: nie gespeichert, protokolliert oder exportiert.</translation>
    </message>
    <message>
        <location line="-328"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remember in keychain</source>
        <translation>Im Schlüsselbund merken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a password that logged in successfully in the system keychain and fill it in when this server is chosen again. Unticking forgets the password saved for the current server. Never stored anywhere else.</source>
        <translation>Ein Passwort, mit dem die Anmeldung gelungen ist, im Schlüsselbund des Systems speichern und wieder eintragen, wenn dieser Server erneut gewählt wird. Das Abwählen vergisst das für den aktuellen Server gespeicherte Passwort. Nirgendwo sonst gespeichert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test the connection and read the server&apos;s version, role and memory</source>
        <translation>Verbindung testen und Version, Rolle und Speicher des Servers auslesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Start local sandbox</source>
        <translation>Lokale Sandbox starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a throw-away Redis on this machine and connect to it; it stops when the application quits</source>
        <translation>Ein Wegwerf-Redis auf diesem Rechner starten und damit verbinden; es endet beim Beenden des Programms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Single server</source>
        <translation>Einzelner Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One redis-server on a free loopback port</source>
        <translation>Ein redis-server auf einem freien Loopback-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster (3 masters, 3 replicas)</source>
        <translation>Cluster (3 Master, 3 Replikate)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Six redis-server nodes forming a Redis Cluster on loopback</source>
        <translation>Sechs redis-server-Knoten bilden einen Redis Cluster auf Loopback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop sandbox</source>
        <translation>Sandbox beenden</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Starting sandbox…</source>
        <translation>Sandbox wird gestartet…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a valid URI</source>
        <translation>keine gültige URI</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invalid server URI: %1</source>
        <translation>Ungültige Server-URI: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Invalid URI: %1</source>
        <translation>Ungültige URI: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not connected. Press Connect, or start a local sandbox to try things out.</source>
        <translation>Nicht verbunden. Auf „Verbinden“ klicken oder zum Ausprobieren eine lokale Sandbox starten.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connection state</source>
        <translation>Verbindungszustand</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The password for %1 was removed from the keychain.</source>
        <translation>Das Passwort für %1 wurde aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password for %1 could not be removed from the keychain.</source>
        <translation>Das Passwort für %1 konnte nicht aus dem Schlüsselbund entfernt werden.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Password filled in from the system keychain for %1.</source>
        <translation>Passwort für %1 aus dem Schlüsselbund des Systems eingetragen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password could be read from the keychain for %1.</source>
        <translation>Für %1 konnte kein Passwort aus dem Schlüsselbund gelesen werden.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The password for %1 was saved in the keychain.</source>
        <translation>Das Passwort für %1 wurde im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password for %1 was not saved in the keychain.</source>
        <translation>Das Passwort für %1 wurde nicht im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Redis %1 · %2</source>
        <translation>Redis %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · cluster</source>
        <translation> · Cluster</translation>
    </message>
    <message>
        <location line="-486"/>
        <source>The Redis server to work against: redis://[user:@]host[:port][/db], rediss://… for TLS, or unix:///path/to/redis.sock</source>
        <translation>Der Redis-Server, mit dem gearbeitet wird: redis://[benutzer:@]host[:port][/db], rediss://… für TLS, oder unix:///pfad/zu/redis.sock</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>TLS…</source>
        <translation>TLS …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS settings</source>
        <translation>TLS-Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INSECURE</source>
        <translation>UNSICHER</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS without verification: the server&apos;s certificate and host name are not checked, so anyone on the path can read and change this traffic. Change it under TLS…</source>
        <translation>TLS ohne Prüfung: Zertifikat und Hostname des Servers werden nicht geprüft, also kann jeder auf dem Weg diesen Verkehr lesen und ändern. Unter „TLS …“ ändern.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Check permissions…</source>
        <translation>Berechtigungen prüfen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find out which features work with this user on this server (renamed commands, ACL limits), why not, and the ACL line that enables them</source>
        <translation>Herausfinden, welche Funktionen mit diesem Benutzer auf diesem Server funktionieren (umbenannte Befehle, ACL-Grenzen), warum nicht, und welche ACL-Zeile sie freischaltet</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>TLS needs a redis:// or rediss:// URI</source>
        <translation>TLS braucht eine redis://- oder rediss://-URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS is on (rediss://). Change the CA, client certificate, server name, version or ciphers</source>
        <translation>TLS ist an (rediss://). CA, Client-Zertifikat, Servername, Version oder Cipher ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speak TLS to this server: CA, client certificate, server name, version, ciphers</source>
        <translation>Mit diesem Server TLS sprechen: CA, Client-Zertifikat, Servername, Version, Cipher</translation>
    </message>
</context>
<context>
    <name>cwb::TlsDialog</name>
    <message>
        <location filename="../widgets/target/tlsdialog.cpp" line="+46"/>
        <source>TLS Settings</source>
        <translation>TLS-Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Use TLS (rediss://)</source>
        <translation>TLS &amp;verwenden (rediss://)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypt every connection to this server and check its certificate, as managed services require</source>
        <translation>Jede Verbindung zu diesem Server verschlüsseln und sein Zertifikat prüfen, wie es verwaltete Dienste verlangen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>System trust store</source>
        <translation>Vertrauensspeicher des Systems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate (PEM) of the authority that signed the server&apos;s certificate, or a folder of hashed CA certificates. Empty: the system&apos;s trusted authorities.</source>
        <translation>Das Zertifikat (PEM) der Stelle, die das Zertifikat des Servers signiert hat, oder ein Ordner mit gehashten CA-Zertifikaten. Leer: die vertrauenswürdigen Stellen des Systems.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client ce&amp;rtificate:</source>
        <translation>Client-&amp;Zertifikat:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>For servers that want a client certificate (mutual TLS), PEM</source>
        <translation>Für Server, die ein Client-Zertifikat verlangen (gegenseitiges TLS), PEM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client certificate&apos;s private key, PEM</source>
        <translation>Der private Schlüssel des Client-Zertifikats, PEM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key &amp;pass phrase:</source>
        <translation>&amp;Passphrase des Schlüssels:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for an encrypted key. Kept in memory only: never saved, logged or exported.</source>
        <translation>Nur für einen verschlüsselten Schlüssel. Nur im Speicher gehalten: nie gespeichert, protokolliert oder exportiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server &amp;name (SNI):</source>
        <translation>Server&amp;name (SNI):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the host in the URI</source>
        <translation>der Host in der URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name sent to the server and checked against its certificate, when it differs from the host you connect to (a tunnel, an IP address)</source>
        <translation>Der Name, der an den Server gesendet und mit seinem Zertifikat verglichen wird, wenn er vom verbundenen Host abweicht (ein Tunnel, eine IP-Adresse)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS 1.2 (default)</source>
        <translation>TLS 1.2 (Standard)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.3</source>
        <translation>TLS 1.3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The oldest protocol version the workbench accepts</source>
        <translation>Die älteste Protokollversion, die die Workbench akzeptiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Minimum version:</source>
        <translation>&amp;Mindestversion:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;iphers (TLS 1.2):</source>
        <translation>C&amp;ipher (TLS 1.2):</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>OpenSSL&apos;s default</source>
        <translation>Standard von OpenSSL</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>An OpenSSL cipher list, for example ECDHE+AESGCM</source>
        <translation>Eine OpenSSL-Cipher-Liste, zum Beispiel ECDHE+AESGCM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher &amp;suites (TLS 1.3):</source>
        <translation>Cipher-Sui&amp;tes (TLS 1.3):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS 1.3 suites separated by colons, for example TLS_AES_256_GCM_SHA384</source>
        <translation>TLS-1.3-Suites durch Doppelpunkte getrennt, zum Beispiel TLS_AES_256_GCM_SHA384</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip &amp;verification (insecure)</source>
        <translation>Prüfung &amp;überspringen (unsicher)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept any certificate for any name. Only for a test server you control.</source>
        <translation>Jedes Zertifikat für jeden Namen akzeptieren. Nur für einen Testserver unter eigener Kontrolle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s certificate and host name will NOT be checked: anyone on the path can read and change this traffic, passwords included.</source>
        <translation>Zertifikat und Hostname des Servers werden NICHT geprüft: Jeder auf dem Weg kann diesen Verkehr lesen und ändern, Passwörter eingeschlossen.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certificates and keys (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Zertifikate und Schlüssel (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder: choose a file.</source>
        <translation>%1 ist ein Ordner: Bitte eine Datei wählen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be read (permissions).</source>
        <translation>%1 kann nicht gelesen werden (Zugriffsrechte).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The key %1 is encrypted: enter its pass phrase.</source>
        <translation>Der Schlüssel %1 ist verschlüsselt: Bitte seine Passphrase eingeben.</translation>
    </message>
</context>
<context>
    <name>cwb::TopologyGraph</name>
    <message>
        <location filename="../widgets/cluster/topologygraph.cpp" line="+183"/>
        <source>No cluster yet. Connect to a Redis Cluster node (or start a local cluster sandbox) to see its topology.</source>
        <translation>Noch kein Cluster. Verbinden Sie sich mit einem Redis-Cluster-Knoten (oder starten Sie eine lokale Cluster-Sandbox), um seine Topologie zu sehen.</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+154"/>
        <source>master</source>
        <translation>Master</translation>
    </message>
    <message>
        <location line="-154"/>
        <location line="+45"/>
        <location line="+109"/>
        <source>replica</source>
        <translation>Replikat</translation>
    </message>
    <message>
        <location line="-109"/>
        <location line="+37"/>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>suspected</source>
        <translation>verdächtig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 slots</source>
        <translation>%1 Slots</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>lag %1</source>
        <translation>Verzögerung %1</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>%1 · %2 ops/s · %3</source>
        <translation>%1 · %2 Ops/s · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no slots</source>
        <translation>keine Slots</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>slots %1</source>
        <translation>Slots %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offset %1 · lag %2</source>
        <translation>Offset %1 · Verzögerung %2</translation>
    </message>
</context>
<context>
    <name>cwb::WarmingPage</name>
    <message>
        <location filename="../widgets/pages/warmingpage.cpp" line="+240"/>
        <source>It has not looked at the schedule since %1.</source>
        <translation>Er hat seit %1 nicht mehr auf den Zeitplan geschaut.</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Remove...</source>
        <translation>Entfernen...</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Plans saved here are picked up by the service. Run now runs a plan from this window.</source>
        <translation>Hier gespeicherte Pläne übernimmt der Dienst. „Jetzt ausführen“ startet einen Plan aus diesem Fenster.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The warming service stopped: schedules run from this window again.</source>
        <translation>Der Vorwärmdienst wurde beendet: Zeitpläne laufen wieder aus diesem Fenster.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Schedules are run by the warming service (%1).</source>
        <translation>Zeitpläne führt der Vorwärmdienst aus (%1).</translation>
    </message>
    <message>
        <location line="+298"/>
        <source>Remove Warming Plan</source>
        <translation>Vorwärmplan entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the warming plan “%1”?</source>
        <translation>Den Vorwärmplan „%1“ entfernen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its schedule stops. The keys it wrote stay until they expire; its run history is kept.</source>
        <translation>Sein Zeitplan endet. Die geschriebenen Schlüssel bleiben bis zu ihrem Ablauf; der Verlauf seiner Läufe bleibt erhalten.</translation>
    </message>
    <message>
        <location line="-449"/>
        <source>Warming</source>
        <translation>Vorwärmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the cache ahead of traffic from key lists, datasets, another server or recorded traffic, on a schedule.</source>
        <translation>Den Cache vor dem Verkehr füllen – aus Schlüssellisten, Datensätzen, einem anderen Server oder aufgezeichnetem Verkehr, nach Zeitplan.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Running %1 ...</source>
        <translation>%1 läuft ...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New plan...</source>
        <translation>Neuer Plan...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a plan from a strategy template</source>
        <translation>Einen Plan aus einer Strategievorlage schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit...</source>
        <translation>Bearbeiten...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import...</source>
        <translation>Importieren...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the plans of a JSON plan file</source>
        <translation>Die Pläne einer JSON-Plandatei hinzufügen</translation>
    </message>
    <message>
        <location line="+426"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="-423"/>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the selected plan against the current target now</source>
        <translation>Den ausgewählten Plan jetzt gegen das aktuelle Ziel ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the running plan after its current batch</source>
        <translation>Den laufenden Plan nach dem aktuellen Stapel anhalten</translation>
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
        <translation>Strategie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it stopped</source>
        <translation>Grund des Endes</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Next 24 hours</source>
        <translation>Nächste 24 Stunden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved plans could not be read: %1</source>
        <translation>Gespeicherte Pläne konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose a target first: the plan names no server of its own.</source>
        <translation>Wählen Sie zuerst ein Ziel: Der Plan nennt keinen eigenen Server.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Queued %1</source>
        <translation>%1 eingereiht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on demand</source>
        <translation>bei Bedarf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid schedule</source>
        <translation>ungültiger Zeitplan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>every minute</source>
        <translation>jede Minute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every %1 minutes</source>
        <translation>alle %1 Minuten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every %1 hours at :%2</source>
        <translation>alle %1 Stunden um :%2</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Plans imported: %1</source>
        <translation>Importierte Pläne: %1</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>hourly at :%1</source>
        <translation>stündlich um :%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>daily at %1</source>
        <translation>täglich um %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>monthly on day %1 at %2</source>
        <translation>monatlich am Tag %1 um %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>custom schedule</source>
        <translation>eigener Zeitplan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never run</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory limit</source>
        <translation>Speichergrenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2 skipped)</source>
        <translation>%1 (%2 übersprungen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Import Warming Plans</source>
        <translation>Vorwärmpläne importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan files (*.json);;All files (*)</source>
        <translation>Plandateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1: %2 keys, %3, batch of %4</source>
        <translation>%1: %2 Schlüssel, %3, Stapel von %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, %1 skipped (%2)</source>
        <translation>, %1 übersprungen (%2)</translation>
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
        <location filename="../widgets/pages/warmingplandialog.cpp" line="+172"/>
        <source>JSON (advanced, not valid)</source>
        <translation>JSON (erweitert, ungültig)</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>The plan as JSON, as `cache-workbench-cli warm` reads it. Paste a plan here; a valid one fills the form.</source>
        <translation>Der Plan als JSON, wie `cache-workbench-cli warm` ihn liest. Fügen Sie hier einen Plan ein; ein gültiger füllt das Formular.</translation>
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
        <translation>JSON (erweitert)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>another plan has this name</source>
        <translation>ein anderer Plan hat diesen Namen</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>Warming Plan</source>
        <translation>Vorwärmplan</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>The plan is not valid:</source>
        <translation>Der Plan ist ungültig:</translation>
    </message>
</context>
<context>
    <name>cwb::WarmingPlanForm</name>
    <message>
        <location filename="../widgets/pages/warmingplanform.cpp" line="+76"/>
        <source>e.g. users-before-opening</source>
        <translation>z. B. nutzer-vor-oeffnung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run on its schedule</source>
        <translation>Nach Zeitplan ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty: on demand only; e.g. 0 6 * * *</source>
        <translation>leer: nur auf Abruf; z. B. 0 6 * * *</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>empty: the window&apos;s target</source>
        <translation>leer: das Ziel des Fensters</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keep existing keys</source>
        <translation>vorhandene Schlüssel behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replace keys of the same type</source>
        <translation>Schlüssel gleichen Typs ersetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replace any existing key</source>
        <translation>jeden vorhandenen Schlüssel ersetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 = unlimited</source>
        <translation>0 = unbegrenzt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 = only the server&apos;s maxmemory</source>
        <translation>0 = nur maxmemory des Servers</translation>
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
        <translation>Eindeutig unter den Plänen; Läufe werden unter diesem Namen erfasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where the warmed keys come from</source>
        <translation>Woher die vorgewärmten Schlüssel kommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority:</source>
        <translation>Priorität:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plans due at the same time run high first, then medium, then low</source>
        <translation>Gleichzeitig fällige Pläne laufen in der Reihenfolge hoch, mittel, niedrig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off: the schedule is kept but does not fire; Run now still works</source>
        <translation>Aus: der Zeitplan bleibt erhalten, löst aber nicht aus; „Jetzt ausführen“ funktioniert weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cron:</source>
        <translation>Cron:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minute hour day-of-month month day-of-week, e.g. */15 * * * * or 0 6 * * MON-FRI</source>
        <translation>Minute Stunde Tag-im-Monat Monat Wochentag, z. B. */15 * * * * oder 0 6 * * MON-FRI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>utc, local or a zone such as Europe/Berlin: the schedule follows its wall clock</source>
        <translation>utc, local oder eine Zone wie Europe/Berlin: der Zeitplan folgt deren Uhrzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next runs:</source>
        <translation>Nächste Läufe:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target and keys</source>
        <translation>Ziel und Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Redis URI without password (CWB_REDIS_PASSWORD supplies it)</source>
        <translation>Eine Redis-URI ohne Passwort (CWB_REDIS_PASSWORD liefert es)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key prefix:</source>
        <translation>Schlüsselpräfix:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every key the plan writes starts with it</source>
        <translation>Jeder Schlüssel, den der Plan schreibt, beginnt damit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Existing keys:</source>
        <translation>Vorhandene Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the plan does with a key that already exists on the target; every run reports what it replaced</source>
        <translation>Was der Plan mit einem Schlüssel tut, der auf dem Ziel schon existiert; jeder Lauf meldet, was er ersetzt hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pace and memory</source>
        <translation>Tempo und Speicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch size:</source>
        <translation>Stapelgröße:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys per pipelined batch</source>
        <translation>Schlüssel je Pipeline-Stapel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch delay:</source>
        <translation>Stapelpause:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause between batches</source>
        <translation>Pause zwischen Stapeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate limit:</source>
        <translation>Ratenlimit:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys per second; 0 = unlimited</source>
        <translation>Schlüssel pro Sekunde; 0 = unbegrenzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TTL:</source>
        <translation>TTL:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expiry of written keys (copies keep the source&apos;s)</source>
        <translation>Ablaufzeit geschriebener Schlüssel (Kopien behalten die der Quelle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory budget:</source>
        <translation>Speicherbudget:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes of used_memory the target may reach; the run stops before it (and before maxmemory)</source>
        <translation>Bytes used_memory, die das Ziel erreichen darf; der Lauf stoppt davor (und vor maxmemory)</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Parameters of %1 (* required; empty: the default)</source>
        <translation>Parameter von %1 (* Pflicht; leer: Standard)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+46"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&apos;%1&apos; is not a whole number of bytes</source>
        <translation>„%1“ ist keine ganze Zahl von Bytes</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>another plan has this name</source>
        <translation>ein anderer Plan hat diesen Namen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>On demand only: the plan runs when you press Run now.</source>
        <translation>Nur auf Abruf: der Plan läuft, wenn Sie „Jetzt ausführen“ drücken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No preview until the schedule and time zone are valid.</source>
        <translation>Keine Vorschau, solange Zeitplan und Zeitzone ungültig sind.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ This schedule never fires: no date matches it (e.g. 30 February).</source>
        <translation>⚠ Dieser Zeitplan löst nie aus: kein Datum passt (z. B. 30. Februar).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(disabled: these runs happen only once it is enabled)</source>
        <translation>(deaktiviert: diese Läufe finden erst nach dem Aktivieren statt)</translation>
    </message>
</context>
<context>
    <name>cwb::WarmingTimeline</name>
    <message>
        <location filename="../widgets/pages/warmingtimeline.cpp" line="+21"/>
        <source>Warming runs in the next 24 hours</source>
        <translation>Vorwärmläufe in den nächsten 24 Stunden</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+34"/>
        <source>No plans</source>
        <translation>Keine Pläne</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no run in the next 24 hours</source>
        <translation>kein Lauf in den nächsten 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>runs: %1, next at %2</source>
        <translation>Läufe: %1, nächster um %2</translation>
    </message>
</context>
</TS>
