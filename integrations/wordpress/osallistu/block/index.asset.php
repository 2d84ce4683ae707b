<?php
/**
 * The editor script's dependencies (WordPress's globals) and version, as @wordpress/scripts
 * would generate them; written by hand because the script needs no build.
 *
 * @package Osallistu
 */

return array(
	'dependencies' => array( 'wp-api-fetch', 'wp-block-editor', 'wp-blocks', 'wp-components', 'wp-element', 'wp-i18n' ),
	'version'      => '0.1.0',
);
