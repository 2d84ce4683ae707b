<?php
/**
 * The plugin's one option (`osallistu_settings`: the Osallistu service URL and the site id), read
 * and sanitised in one place, and the language helpers shared by the block and the shortcode.
 *
 * @package Osallistu
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const OSALLISTU_OPTION = 'osallistu_settings';

/** The languages the widgets speak. */
const OSALLISTU_LANGS = array( 'fi', 'sv', 'en' );

/**
 * The stored settings, always with both keys.
 *
 * @return array{service: string, site: string}
 */
function osallistu_settings(): array {
	$stored = get_option( OSALLISTU_OPTION, array() );
	$stored = is_array( $stored ) ? $stored : array();
	return array(
		'service' => isset( $stored['service'] ) && is_string( $stored['service'] ) ? $stored['service'] : '',
		'site'    => isset( $stored['site'] ) && is_string( $stored['site'] ) ? $stored['site'] : '',
	);
}

/** Whether both the service URL and the site id are set. */
function osallistu_is_configured(): bool {
	$settings = osallistu_settings();
	return '' !== $settings['service'] && '' !== $settings['site'];
}

/** The service URL as typed, reduced to an http(s) origin with an optional path and no trailing slash, or ''. */
function osallistu_sanitize_service( $value ): string {
	$url = esc_url_raw( trim( (string) $value ), array( 'http', 'https' ) );
	$parts = wp_parse_url( $url );
	if ( '' === $url || empty( $parts['host'] ) || ! in_array( $parts['scheme'] ?? '', array( 'http', 'https' ), true ) ) {
		return '';
	}
	return untrailingslashit( strtok( $url, '?#' ) );
}

/** An Osallistu id (site, poll, form…): 1–64 lowercase letters, digits and hyphens, or ''. */
function osallistu_sanitize_id( $value ): string {
	$id = strtolower( trim( (string) $value ) );
	return preg_match( '/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/', $id ) ? $id : '';
}

/** The widget language for a page in WordPress's locale: fi, sv or en. */
function osallistu_locale_lang( ?string $locale = null ): string {
	$locale = $locale ?? determine_locale();
	$short  = strtolower( substr( $locale, 0, 2 ) );
	return in_array( $short, OSALLISTU_LANGS, true ) ? $short : 'en';
}

/** The block's or shortcode's chosen language if it is one of ours, else the page's. */
function osallistu_lang( $chosen = '' ): string {
	return in_array( $chosen, OSALLISTU_LANGS, true ) ? $chosen : osallistu_locale_lang();
}
