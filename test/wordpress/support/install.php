<?php
/**
 * Installs WordPress for the suite (included by wordpress.ts with $users, $password, $settings):
 * the site, one user per writing role, Twenty Twenty-Three, pretty permalinks, and the Osallistu
 * plugin activated with its settings. No e-mail is sent.
 */
define( 'WP_INSTALLING', true );
require '/usr/share/wordpress/wp-load.php';

/* Pluggable: the install would otherwise try to e-mail the admin. */
function wp_new_blog_notification( $blog_title, $blog_url, $user_id, $password ) {}

require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$installed = wp_install( 'Osallistu test', $users['administrator'], 'admin@example.test', false, '', wp_slash( $password ), 'en_US' );
if ( is_wp_error( $installed ) ) {
	fwrite( STDERR, $installed->get_error_message() );
	exit( 1 );
}
foreach ( $users as $role => $login ) {
	if ( 'administrator' === $role ) {
		continue;
	}
	$id = wp_insert_user( array( 'user_login' => $login, 'user_pass' => $password, 'user_email' => "$login@example.test", 'role' => $role, 'display_name' => ucfirst( $role ) ) );
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() );
		exit( 1 );
	}
}
/* The block editor's welcome guide would cover the editor on first sign-in. */
foreach ( get_users() as $user ) {
	update_user_meta( $user->ID, 'wp_persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
}
update_option( 'permalink_structure', '/%postname%/' );
switch_theme( 'twentytwentythree' );
update_option( 'osallistu_settings', array( 'service' => $settings['service'], 'site' => $settings['site'] ) );
$activated = activate_plugin( 'osallistu/osallistu.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() );
	exit( 1 );
}
flush_rewrite_rules( false );
echo 'installed';
