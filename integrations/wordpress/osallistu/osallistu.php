<?php
/**
 * Plugin Name:       Osallistu
 * Plugin URI:        https://osallistu.example.fi/
 * Description:       Polls, feedback forms, council decisions and video from Osallistu in your pages: a block, a shortcode and oEmbed, usable by every author without raw HTML.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            Osallistu
 * License:           EUPL-1.2
 * License URI:       https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12
 * Text Domain:       osallistu
 * Domain Path:       /languages
 *
 * The plugin's entry point: loads its parts (settings, rendering, block, shortcode, oEmbed).
 *
 * @package Osallistu
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'OSALLISTU_VERSION', '0.1.0' );
define( 'OSALLISTU_FILE', __FILE__ );
define( 'OSALLISTU_DIR', __DIR__ );

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/catalogue.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/oembed.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'osallistu', false, dirname( plugin_basename( OSALLISTU_FILE ) ) . '/languages' );
	}
);
