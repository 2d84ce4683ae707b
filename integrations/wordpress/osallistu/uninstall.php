<?php
/**
 * Run by WordPress when the plugin is deleted: removes the plugin's option and cached catalogues.
 *
 * @package Osallistu
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'osallistu_settings' );
global $wpdb;
$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", $wpdb->esc_like( '_transient_osallistu_' ) . '%', $wpdb->esc_like( '_transient_timeout_osallistu_' ) . '%' ) );
