<?php
/**
 * Run by WordPress when the plugin is deleted: removes the plugin's one option (it keeps nothing else).
 *
 * @package Osallistu
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'osallistu_settings' );
