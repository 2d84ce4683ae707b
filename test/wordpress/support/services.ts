/**
 * MariaDB and Apache (with mod_php) for the WordPress suite, started by hand: their own data
 * directory, config, socket, pid and logs under one temporary directory, no systemd, nothing of
 * the machine's own services touched. Both are stopped (and the directory removed) by `stop()`.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The binaries this suite needs, from Debian's packages; `npm test` checks them up front. */
export const REQUIRED_BINARIES = ['/usr/sbin/mariadbd', '/usr/bin/mariadb-install-db', '/usr/sbin/apache2', '/usr/lib/apache2/modules/libphp8.2.so', '/usr/bin/php', '/usr/share/wordpress/wp-load.php', '/usr/share/wordpress/wp-content/themes/twentytwentythree/theme.json'];

/** Throws with the install command when a piece of the WordPress stack is missing. */
export function checkWordPressStack(): void {
  const missing = REQUIRED_BINARIES.filter((path) => !existsSync(path));
  if (missing.length === 0) return;
  throw new Error(
    [
      `The WordPress suite runs a real WordPress on MariaDB and Apache, and never skips. Missing: ${missing.join(', ')}`,
      'Install them with:   sudo apt-get install -y wordpress wordpress-theme-twentytwentythree mariadb-server apache2 libapache2-mod-php php-mysql php-curl php-xml php-mbstring',
    ].join('\n'),
  );
}

async function waitFor(what: string, ready: () => boolean | Promise<boolean>, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}\n${existsSync(log) ? readFileSync(log, 'utf8').slice(-3000) : ''}`);
    try {
      if (await ready()) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not start within 60 s\n${existsSync(log) ? readFileSync(log, 'utf8').slice(-3000) : ''}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

export interface Database {
  /** `DB_HOST` for WordPress: localhost through the socket. */
  host: string;
  name: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

/** A private MariaDB on a Unix socket only (no TCP port), with one database and user for WordPress. */
export async function startMariaDb(dir: string): Promise<Database> {
  const datadir = join(dir, 'mysql');
  const socket = join(dir, 'mysqld.sock');
  const log = join(dir, 'mysqld.log');
  execFileSync('/usr/bin/mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=socket', '--skip-test-db'], { stdio: 'pipe' });
  const child = spawn(
    '/usr/sbin/mariadbd',
    ['--no-defaults', `--datadir=${datadir}`, `--socket=${socket}`, '--skip-networking', '--user=root', `--pid-file=${join(dir, 'mysqld.pid')}`, `--log-error=${log}`, '--innodb-buffer-pool-size=32M', '--performance-schema=OFF', '--skip-log-bin'],
    { stdio: 'ignore' },
  );
  const sql = (statement: string) => execFileSync('/usr/bin/mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', statement], { stdio: 'pipe' });
  await waitFor('MariaDB', () => existsSync(socket) && (sql('SELECT 1'), true), child, log);
  sql("CREATE DATABASE wordpress CHARACTER SET utf8mb4; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';");
  return { host: `localhost:${socket}`, name: 'wordpress', user: 'wordpress', password: 'wordpress', stop: () => stopChild(child) };
}

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

const MODULES = ['mpm_prefork', 'authz_core', 'dir', 'mime', 'rewrite', 'alias', 'env', 'setenvif'];

/**
 * Apache with mod_php serving Debian's `/usr/share/wordpress` on 127.0.0.1:`port`, with
 * WordPress's own permalink rules, `/wp-content` aliased to `contentDir`, and `WORDPRESS_CONFIG`
 * naming the config file Debian's wp-config.php loads.
 */
export async function startApache(dir: string, options: { port: number; contentDir: string; configName: string }): Promise<WebServer> {
  const log = join(dir, 'apache-error.log');
  const conf = join(dir, 'apache.conf');
  writeFileSync(
    conf,
    [
      'ServerRoot /etc/apache2',
      ...MODULES.map((name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${name}.so`),
      'LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so',
      `Listen 127.0.0.1:${options.port}`,
      'ServerName 127.0.0.1',
      `PidFile ${join(dir, 'apache.pid')}`,
      `ErrorLog ${log}`,
      `Mutex file:${dir} default`,
      `DefaultRuntimeDir ${dir}`,
      'User www-data',
      'Group www-data',
      'StartServers 2',
      'MinSpareServers 2',
      'MaxSpareServers 4',
      'MaxRequestWorkers 8',
      'KeepAlive On',
      'TypesConfig /etc/mime.types',
      'AddType application/javascript .js',
      'DirectoryIndex index.php index.html',
      '<FilesMatch "\\.php$">',
      '  SetHandler application/x-httpd-php',
      '</FilesMatch>',
      `SetEnv WORDPRESS_CONFIG ${options.configName}`,
      'DocumentRoot /usr/share/wordpress',
      '<Directory />',
      '  AllowOverride None',
      '  Require all denied',
      '</Directory>',
      '<Directory /usr/share/wordpress>',
      '  Options FollowSymLinks',
      '  AllowOverride All',
      '  Require all granted',
      '  RewriteEngine On',
      '  RewriteBase /',
      '  RewriteRule ^index\\.php$ - [L]',
      '  RewriteCond %{REQUEST_FILENAME} !-f',
      '  RewriteCond %{REQUEST_FILENAME} !-d',
      '  RewriteRule . /index.php [L]',
      '</Directory>',
      `Alias /wp-content ${options.contentDir}`,
      `<Directory ${options.contentDir}>`,
      '  Options FollowSymLinks',
      '  Require all granted',
      '</Directory>',
      // The symlinked theme folder resolves to its real place.
      '<Directory /usr/share/wordpress/wp-content>',
      '  Require all granted',
      '</Directory>',
      '',
    ].join('\n'),
  );
  // Its own process group: on stopping, Apache's prefork signals its whole group.
  const child = spawn('/usr/sbin/apache2', ['-f', conf, '-DFOREGROUND'], { stdio: 'ignore', detached: true, env: { ...process.env, LANG: 'C' } });
  const url = `http://127.0.0.1:${options.port}`;
  await waitFor('Apache', async () => (await fetch(`${url}/wp-includes/js/wp-embed.min.js`)).ok, child, log);
  return { url, stop: () => stopChild(child) };
}

/** Makes `path` (a temporary directory) readable by Apache's www-data. */
export function openToWebServer(path: string): void {
  chmodSync(path, 0o755);
}
