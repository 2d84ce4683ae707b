<?php
/**
 * GET /wp-json/osallistu/v1/catalogue for the block editor: what the site may embed (open and
 * closed polls, forms, videos, channels, organs), fetched server-side from the service's public
 * catalogue each time a block asks (an editor opening a block), not cached: a poll created in the
 * console a moment ago must be in the list. Only for those who may write posts.
 *
 * @package Osallistu
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			'osallistu/v1',
			'/catalogue',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => 'osallistu_rest_catalogue',
				'permission_callback' => static fn () => current_user_can( 'edit_posts' ),
			)
		);
	}
);

/**
 * The catalogue, or a WP_Error whose message says what to do.
 *
 * @return WP_REST_Response|WP_Error
 */
function osallistu_rest_catalogue() {
	if ( ! osallistu_is_configured() ) {
		return new WP_Error( 'osallistu_not_configured', __( 'Osallistu is not set up yet: an administrator sets the service address and site id in Settings → Osallistu.', 'osallistu' ), array( 'status' => 409 ) );
	}
	$catalogue = osallistu_fetch_catalogue();
	if ( is_wp_error( $catalogue ) ) {
		return $catalogue;
	}
	return new WP_REST_Response( $catalogue, 200 );
}

/**
 * Fetches the site's public catalogue, reduced to the lists and fields the block uses.
 *
 * @return array|WP_Error
 */
function osallistu_fetch_catalogue() {
	$settings = osallistu_settings();
	$response = wp_remote_get( $settings['service'] . '/api/v1/sites/' . rawurlencode( $settings['site'] ) . '/catalogue', array( 'timeout' => 10, 'headers' => array( 'Accept' => 'application/json' ) ) );
	if ( is_wp_error( $response ) ) {
		/* translators: %s: the error message */
		return new WP_Error( 'osallistu_unreachable', sprintf( __( 'Could not reach the Osallistu service: %s', 'osallistu' ), $response->get_error_message() ), array( 'status' => 502 ) );
	}
	$status = wp_remote_retrieve_response_code( $response );
	$body   = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( 200 !== $status || ! is_array( $body ) ) {
		/* translators: %d: an HTTP status code */
		return new WP_Error( 'osallistu_catalogue_failed', sprintf( __( 'The Osallistu service did not give the list of what can be embedded (HTTP %d). Check Settings → Osallistu.', 'osallistu' ), $status ), array( 'status' => 502 ) );
	}
	$catalogue = array();
	foreach ( array( 'polls' => 'title', 'forms' => 'title', 'videos' => 'title', 'channels' => 'title', 'organs' => 'name' ) as $list => $label ) {
		$catalogue[ $list ] = array();
		foreach ( (array) ( $body[ $list ] ?? array() ) as $item ) {
			if ( ! is_array( $item ) || '' === osallistu_sanitize_id( $item['id'] ?? '' ) ) {
				continue;
			}
			$texts = array();
			foreach ( OSALLISTU_LANGS as $lang ) {
				if ( isset( $item[ $label ][ $lang ] ) && is_string( $item[ $label ][ $lang ] ) ) {
					$texts[ $lang ] = sanitize_text_field( $item[ $label ][ $lang ] );
				}
			}
			$entry = array( 'id' => $item['id'], 'title' => $texts );
			if ( isset( $item['status'] ) && in_array( $item['status'], array( 'open', 'closed' ), true ) ) {
				$entry['status'] = $item['status'];
			}
			$catalogue[ $list ][] = $entry;
		}
	}
	return $catalogue;
}
