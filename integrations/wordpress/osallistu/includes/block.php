<?php
/**
 * The dynamic block osallistu/embed: registered from block/block.json, rendered on the server by
 * osallistu_render_widget(), with the editor script's translations and settings handed over.
 *
 * @package Osallistu
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The handle WordPress gives the block's editorScript. */
const OSALLISTU_EDITOR_HANDLE = 'osallistu-embed-editor-script';

add_action(
	'init',
	static function () {
		register_block_type(
			OSALLISTU_DIR . '/block',
			array(
				'render_callback' => static function ( $attributes ) {
					$html = osallistu_render_widget( (string) ( $attributes['widget'] ?? '' ), (string) ( $attributes['item'] ?? '' ), (string) ( $attributes['lang'] ?? '' ), (int) ( $attributes['headingLevel'] ?? 2 ) );
					return '' === $html ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>';
				},
			)
		);
		wp_set_script_translations( OSALLISTU_EDITOR_HANDLE, 'osallistu', OSALLISTU_DIR . '/languages' );
	}
);

add_action(
	'enqueue_block_editor_assets',
	static function () {
		$settings = osallistu_settings();
		$config   = array(
			'configured'  => osallistu_is_configured(),
			'service'     => $settings['service'],
			'site'        => $settings['site'],
			// The language of the site's pages (what a block without a language renders in) and
			// the editor's own, for the titles in the pickers.
			'lang'        => osallistu_locale_lang( get_locale() ),
			'editorLang'  => osallistu_locale_lang( get_user_locale() ),
			'settingsUrl' => current_user_can( 'manage_options' ) ? osallistu_settings_url() : '',
		);
		wp_add_inline_script( OSALLISTU_EDITOR_HANDLE, 'window.osallistuEditor = ' . wp_json_encode( $config ) . ';', 'before' );
	}
);
