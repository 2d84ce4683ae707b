<?php
/**
 * oEmbed: a pasted frame URL of the configured service becomes an embed. WordPress leaves the
 * HTML of providers registered like this one untouched (it sandboxes and resizes only discovered
 * ones), so the same treatment is applied here: the iframe gets `sandbox="allow-scripts"`, a
 * `#?secret=` and the `wp-embedded-content` class, and WordPress's own wp-embed script then resizes
 * it from the frame page's `{ message: 'height', value, secret }`.
 *
 * @package Osallistu
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action(
	'init',
	static function () {
		if ( osallistu_is_configured() ) {
			$service = osallistu_settings()['service'];
			wp_oembed_add_provider( $service . '/embed/v1/frame/*', $service . '/embed/v1/oembed' );
		}
	}
);

/** Whether `$url` is a frame page of the configured service. */
function osallistu_is_frame_url( string $url ): bool {
	return osallistu_is_configured() && str_starts_with( $url, osallistu_settings()['service'] . '/embed/v1/frame/' );
}

add_filter( 'oembed_dataparse', 'osallistu_sandbox_oembed', 20, 3 );

/**
 * Our provider's result as WordPress shapes a discovered one's: only a blockquote with a link and
 * an iframe kept, the iframe sandboxed and given a secret so that wp-embed may resize it.
 *
 * @param string|false $result The HTML from the provider.
 * @param object       $data   The oEmbed response.
 * @param string       $url    The pasted URL.
 * @return string|false
 */
function osallistu_sandbox_oembed( $result, $data, $url ) {
	if ( ! is_string( $result ) || ! osallistu_is_frame_url( (string) $url ) || str_contains( $result, 'data-secret' ) ) {
		return $result;
	}
	$allowed = array(
		'a'          => array( 'href' => true ),
		'blockquote' => array(),
		'iframe'     => array( 'src' => true, 'width' => true, 'height' => true, 'frameborder' => true, 'title' => true ),
	);
	$html = wp_kses( $result, $allowed );
	if ( ! preg_match( '#(<blockquote[^>]*>.*?</blockquote>)?\s*(<iframe\b[^>]*></iframe>)#s', $html, $parts ) || ! preg_match( '#\ssrc="([^"]+)"#', $parts[2], $src ) ) {
		return false;
	}
	$secret = wp_generate_password( 10, false );
	$quote  = $parts[1];
	$iframe = str_replace( $src[0], ' src="' . esc_url( html_entity_decode( $src[1] ) . '#?secret=' . $secret ) . '" data-secret="' . $secret . '"', $parts[2] );
	$iframe = preg_replace( '#^<iframe#', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"', $iframe );
	if ( '' !== $quote ) {
		// The link shows until the frame page first speaks; wp-embed then hides it and shows the frame.
		$quote  = preg_replace( '#^<blockquote[^>]*>#', '<blockquote class="wp-embedded-content" data-secret="' . $secret . '">', $quote );
		$iframe = preg_replace( '#^<iframe#', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"', $iframe );
	}
	// Everything added after wp_kses() is ours: the secret is alphanumeric and the URL escaped.
	return $quote . $iframe;
}
