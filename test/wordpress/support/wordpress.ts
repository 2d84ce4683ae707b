/**
 * A real WordPress for the suite and the bench: Debian's `wordpress` package on a private MariaDB
 * and Apache (./services.ts), installed by PHP (`wp_install()`), with Twenty Twenty-Three, four
 * users (one per role that may write), and the plugin installed from exactly the files the zip
 * holds (integrations/wordpress/package.ts: the sources with their translations compiled) and
 * activated. Everything lives in one temporary directory plus one
 * `/etc/wordpress/config-osallistu-test-PORT.php` (Debian's wp-config.php only reads config files
 * there), all removed by `stop()`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pluginFiles } from '../../../integrations/wordpress/package.ts';
import { freePort } from '../../support/free-port.ts';
import { openToWebServer, startApache, startMariaDb } from './services.ts';

const INSTALL_SCRIPT = join(import.meta.dirname, 'install.php');

/** The four users the suite signs in as; the password is the same for all (a test machine). */
export const USERS = { administrator: 'admin', editor: 'editor', author: 'author', contributor: 'contributor' } as const;
export const PASSWORD = 'osallistu-test-password';

export interface WordPressInfo {
  url: string;
  /** The directory of the generated config and wp-content; `php()` runs code against this install. */
  dir: string;
  configName: string;
}

export interface RunningWordPress extends WordPressInfo {
  /** PHP's warnings and errors in the plugin's files so far (Apache's error log). */
  pluginErrors(): string[];
  stop(): Promise<void>;
}

/** `value` as a PHP expression (through JSON, so any JSON value; objects become arrays). */
export function phpValue(value: unknown): string {
  return `json_decode('${JSON.stringify(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}', true)`;
}

function wwwDataIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'www-data'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'www-data'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * Runs PHP `code` inside the WordPress at `info` (wp-load.php loaded, as if requested on its
 * host) and returns what it printed. For set-up and for checking what WordPress stored.
 */
export function php(info: WordPressInfo, code: string): string {
  const file = join(info.dir, `run-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.php`);
  const host = new URL(info.url).host;
  writeFileSync(
    file,
    `<?php
$_SERVER['HTTP_HOST'] = ${JSON.stringify(host)};
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['WORDPRESS_CONFIG'] = ${JSON.stringify(info.configName)};
${code.startsWith('/*install*/') ? '' : "require '/usr/share/wordpress/wp-load.php';"}
${code}
`,
  );
  try {
    return execFileSync('/usr/bin/php', ['-d', 'display_errors=stderr', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    rmSync(file, { force: true });
  }
}

/** Starts MariaDB and Apache, installs WordPress and activates the plugin with `settings`. */
export async function startWordPress(settings: { service: string; site: string }): Promise<RunningWordPress> {
  const dir = mkdtempSync(join(tmpdir(), 'osallistu-wp-'));
  openToWebServer(dir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const configName = `osallistu-test-${port}`;
  const configFile = `/etc/wordpress/config-${configName}.php`;
  const content = join(dir, 'wp-content');
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
    rmSync(configFile, { force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const db = await startMariaDb(dir);
    stops.push(db.stop);

    for (const sub of ['plugins', 'themes', 'mu-plugins', 'uploads', 'upgrade']) mkdirSync(join(content, sub), { recursive: true });
    const www = wwwDataIds();
    for (const sub of ['uploads', 'upgrade']) chownSync(join(content, sub), www.uid, www.gid);
    symlinkSync('/usr/share/wordpress/wp-content/themes/twentytwentythree', join(content, 'themes/twentytwentythree'));
    for (const [name, bytes] of pluginFiles()) {
      const file = join(content, 'plugins/osallistu', name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    // The one test-only change: WordPress may fetch oEmbed from this machine and the test port.
    const service = new URL(settings.service);
    writeFileSync(
      join(content, 'mu-plugins/osallistu-test-hosts.php'),
      `<?php
/* Test only: the Osallistu server of the tests runs on 127.0.0.1 and a random port. */
add_filter( 'http_request_host_is_external', '__return_true' );
add_filter( 'http_allowed_safe_ports', function ( $ports ) { $ports[] = ${Number(service.port)}; return $ports; } );
`,
    );
    writeFileSync(
      join(dir, 'wp-config-test.php'),
      `<?php
define( 'DB_NAME', ${JSON.stringify(db.name)} );
define( 'DB_USER', ${JSON.stringify(db.user)} );
define( 'DB_PASSWORD', ${JSON.stringify(db.password)} );
define( 'DB_HOST', ${JSON.stringify(db.host)} );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_HOME', ${JSON.stringify(url)} );
define( 'WP_SITEURL', ${JSON.stringify(url)} );
define( 'WP_CONTENT_DIR', ${JSON.stringify(content)} );
define( 'WP_CONTENT_URL', ${JSON.stringify(`${url}/wp-content`)} );
define( 'AUTH_KEY', '${port}-auth' ); define( 'SECURE_AUTH_KEY', '${port}-secure' ); define( 'LOGGED_IN_KEY', '${port}-logged' ); define( 'NONCE_KEY', '${port}-nonce' );
define( 'AUTH_SALT', '${port}-as' ); define( 'SECURE_AUTH_SALT', '${port}-sas' ); define( 'LOGGED_IN_SALT', '${port}-ls' ); define( 'NONCE_SALT', '${port}-ns' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true ); /* no internet here: only this host (any port) */
define( 'FS_METHOD', 'direct' );
/* Everything PHP reports goes to Apache's error log (never into pages); the suite fails on the plugin's. */
define( 'WP_DEBUG', true ); define( 'WP_DEBUG_DISPLAY', false ); define( 'WP_DEBUG_LOG', false );
`,
    );
    writeFileSync(configFile, `<?php require ${JSON.stringify(join(dir, 'wp-config-test.php'))};\n`);

    const info = { url, dir, configName };
    php(info, `/*install*/\n$users = ${phpValue(USERS)}; $password = ${phpValue(PASSWORD)}; $settings = ${phpValue(settings)};\nrequire ${JSON.stringify(INSTALL_SCRIPT)};`);

    const web = await startApache(dir, { port, contentDir: content, configName });
    stops.push(web.stop);
    const pluginErrors = () =>
      existsSync(join(dir, 'apache-error.log'))
        ? readFileSync(join(dir, 'apache-error.log'), 'utf8')
            .split('\n')
            .filter((line) => /PHP (Fatal error|Warning|Parse error|Notice|Deprecated)/.test(line) && line.includes('/plugins/osallistu/'))
        : [];
    return { ...info, pluginErrors, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
