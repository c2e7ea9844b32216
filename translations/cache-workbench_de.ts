<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
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
        <translation>Wiederholbare Benchmark-Suiten ausführen und die Ergebnisse auf diesem Rechner mit redis-benchmark vergleichen.</translation>
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
        <translation>Knoten, Slot-Bereiche und Replikate des Clusters ansehen und erkennen, wie sich die Last auf die Shards verteilt.</translation>
    </message>
</context>
<context>
    <name>cwb::LoadTestPage</name>
    <message>
        <location filename="../widgets/pages/loadtestpage.cpp" line="+13"/>
        <source>Load Test</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configure a load test against the target server and watch throughput, latency and errors live.</source>
        <translation>Einen Lasttest gegen den Zielserver einrichten und Durchsatz, Latenz und Fehler live verfolgen.</translation>
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
        <location line="+15"/>
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
        <location line="+1"/>
        <source>Benchmarks</source>
        <translation>Benchmarks</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run benchmark suites</source>
        <translation>Benchmark-Suiten ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inspect the cluster topology</source>
        <translation>Die Cluster-Topologie untersuchen</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+1"/>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Watch the server live</source>
        <translation>Den Server live beobachten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Browse, compare and export past runs</source>
        <translation>Frühere Läufe durchsehen, vergleichen und exportieren</translation>
    </message>
    <message>
        <location line="+43"/>
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
        <location line="+3"/>
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
        <location line="+36"/>
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
        <location line="+2"/>
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
        <location filename="../widgets/pages/monitoringpage.cpp" line="+13"/>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch hit ratio, memory, evictions and commands per second of the target server over time.</source>
        <translation>Trefferquote, Speicher, Verdrängungen und Befehle pro Sekunde des Zielservers im Zeitverlauf beobachten.</translation>
    </message>
</context>
<context>
    <name>cwb::OptimisationPage</name>
    <message>
        <location filename="../widgets/pages/optimisationpage.cpp" line="+13"/>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check memory, eviction and persistence settings and get advice for using Redis as a cache.</source>
        <translation>Einstellungen zu Speicher, Verdrängung und Persistenz prüfen und Empfehlungen für Redis als Cache erhalten.</translation>
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
        <location filename="../widgets/pages/resultspage.cpp" line="+13"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Browse past runs, compare them side by side and export reports.</source>
        <translation>Frühere Läufe durchsehen, nebeneinander vergleichen und Berichte exportieren.</translation>
    </message>
</context>
<context>
    <name>cwb::SandboxLauncher</name>
    <message>
        <location filename="../widgets/sandboxlauncher.cpp" line="+77"/>
        <source>The sandbox did not start.</source>
        <translation>Die Sandbox ist nicht gestartet.</translation>
    </message>
</context>
<context>
    <name>cwb::ServerProbe</name>
    <message>
        <location filename="../widgets/serverprobe.cpp" line="+79"/>
        <source>Nothing is listening at %1. Is the server running?</source>
        <translation>Unter %1 lauscht nichts. Läuft der Server?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host name in %1 does not resolve.</source>
        <translation>Der Hostname in %1 lässt sich nicht auflösen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rejected the login: check the user name and password.</source>
        <translation>%1 hat die Anmeldung abgelehnt: Benutzername und Passwort prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not talk to %1.</source>
        <translation>Keine Verständigung mit %1 möglich.</translation>
    </message>
</context>
<context>
    <name>cwb::TargetBar</name>
    <message>
        <location filename="../widgets/targetbar.cpp" line="+32"/>
        <source>S&amp;erver:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+158"/>
        <source>The Redis server to work against: redis://[user@]host[:port][/db] or unix:///path/to/redis.sock</source>
        <translation>Der Redis-Server, mit dem gearbeitet wird: redis://[benutzer@]host[:port][/db] oder unix:///pfad/zu/redis.sock</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Server URI</source>
        <translation>Server-URI</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <source>Password for AUTH, if the server needs one. Kept in memory only: never saved, logged or exported.</source>
        <translation>Passwort für AUTH, falls der Server eines verlangt. Nur im Arbeitsspeicher: nie gespeichert, protokolliert oder exportiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test the connection and read the server&apos;s version, role and memory</source>
        <translation>Verbindung testen und Version, Rolle und Speicher des Servers auslesen</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+80"/>
        <source>Starting sandbox…</source>
        <translation>Sandbox wird gestartet…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a valid URI</source>
        <translation>keine gültige URI</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Invalid server URI: %1</source>
        <translation>Ungültige Server-URI: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Invalid URI: %1</source>
        <translation>Ungültige URI: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not connected. Press Connect, or start a local sandbox to try things out.</source>
        <translation>Nicht verbunden. Auf „Verbinden“ klicken oder zum Ausprobieren eine lokale Sandbox starten.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connection state</source>
        <translation>Verbindungszustand</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Redis %1 · %2</source>
        <translation>Redis %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · cluster</source>
        <translation> · Cluster</translation>
    </message>
</context>
<context>
    <name>cwb::WarmingPage</name>
    <message>
        <location filename="../widgets/pages/warmingpage.cpp" line="+13"/>
        <source>Warming</source>
        <translation>Vorwärmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the cache ahead of traffic from a key list or a recorded workload, at a controlled rate.</source>
        <translation>Den Cache vor dem Ansturm aus einer Schlüsselliste oder einer aufgezeichneten Last füllen, mit kontrollierter Rate.</translation>
    </message>
</context>
</TS>
