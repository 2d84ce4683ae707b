<?php
/**
 * Settings → Osallistu: the service URL and the site id, stored with the Settings API and checked
 * against the service on save (the site must exist there), with the outcome as an admin notice.
 *
 * @package Osallistu
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action(
	'admin_init',
	static function () {
		register_setting(
			'osallistu',
			OSALLISTU_OPTION,
			array(
				'type'              => 'object',
				'sanitize_callback' => 'osallistu_sanitize_settings',
				'default'           => array( 'service' => '', 'site' => '' ),
			)
		);
		add_settings_section( 'osallistu_service', __( 'Osallistu service', 'osallistu' ), 'osallistu_settings_intro', 'osallistu' );
		add_settings_field( 'osallistu_service_url', __( 'Service address', 'osallistu' ), 'osallistu_field_service', 'osallistu', 'osallistu_service', array( 'label_for' => 'osallistu-service' ) );
		add_settings_field( 'osallistu_site_id', __( 'Site id', 'osallistu' ), 'osallistu_field_site', 'osallistu', 'osallistu_service', array( 'label_for' => 'osallistu-site' ) );
	}
);

add_action(
	'admin_menu',
	static function () {
		add_options_page( __( 'Osallistu', 'osallistu' ), __( 'Osallistu', 'osallistu' ), 'manage_options', 'osallistu', 'osallistu_settings_page' );
	}
);

/** The settings page's URL, for links from the block and the plugin list. */
function osallistu_settings_url(): string {
	return admin_url( 'options-general.php?page=osallistu' );
}

add_filter(
	'plugin_action_links_' . plugin_basename( OSALLISTU_FILE ),
	static function ( $links ) {
		array_unshift( $links, '<a href="' . esc_url( osallistu_settings_url() ) . '">' . esc_html__( 'Settings', 'osallistu' ) . '</a>' );
		return $links;
	}
);

function osallistu_settings_intro(): void {
	echo '<p>' . esc_html__( 'Where your municipality\'s Osallistu service is and which site on it is yours. Ask the Osallistu administrator to register this site\'s address as an origin of that site.', 'osallistu' ) . '</p>';
	echo '<p>' . sprintf(
		/* translators: %s: this WordPress site's origin, e.g. https://www.espoo.fi */
		esc_html__( 'The origin to register: %s', 'osallistu' ),
		'<code>' . esc_html( osallistu_home_origin() ) . '</code>'
	) . '</p>';
}

/** This site's origin (scheme, host and port), as a browser sends it. */
function osallistu_home_origin(): string {
	$home = wp_parse_url( home_url() );
	return ( $home['scheme'] ?? 'https' ) . '://' . ( $home['host'] ?? '' ) . ( isset( $home['port'] ) ? ':' . $home['port'] : '' );
}

function osallistu_field_service(): void {
	printf(
		'<input type="url" id="osallistu-service" name="%1$s[service]" value="%2$s" class="regular-text" placeholder="https://osallistu.example.fi" aria-describedby="osallistu-service-help"><p class="description" id="osallistu-service-help">%3$s</p>',
		esc_attr( OSALLISTU_OPTION ),
		esc_attr( osallistu_settings()['service'] ),
		esc_html__( 'The address of the Osallistu service, for example https://osallistu.example.fi', 'osallistu' )
	);
}

function osallistu_field_site(): void {
	printf(
		'<input type="text" id="osallistu-site" name="%1$s[site]" value="%2$s" class="regular-text" pattern="[a-z0-9][a-z0-9\-]*" aria-describedby="osallistu-site-help"><p class="description" id="osallistu-site-help">%3$s</p>',
		esc_attr( OSALLISTU_OPTION ),
		esc_attr( osallistu_settings()['site'] ),
		esc_html__( 'Your municipality\'s id on the service, for example espoo (lowercase letters, digits and hyphens).', 'osallistu' )
	);
}

function osallistu_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1><form action="options.php" method="post">';
	settings_fields( 'osallistu' );
	do_settings_sections( 'osallistu' );
	submit_button();
	echo '</form></div>';
}

/**
 * Sanitises the submitted settings and checks them against the service, with one notice saying
 * what was found. The values are stored even when the check fails, so that a typo can be fixed.
 *
 * @param mixed $input The submitted array.
 * @return array{service: string, site: string}
 */
function osallistu_sanitize_settings( $input ): array {
	$input    = is_array( $input ) ? $input : array();
	$settings = array(
		'service' => osallistu_sanitize_service( $input['service'] ?? '' ),
		'site'    => osallistu_sanitize_id( $input['site'] ?? '' ),
	);
	// WordPress runs this callback twice when the option is first added: one notice is enough.
	static $checked = array();
	$key = $settings['service'] . '|' . $settings['site'];
	if ( ! isset( $checked[ $key ] ) ) {
		$checked[ $key ] = true;
		osallistu_check_settings( $settings );
	}
	return $settings;
}

/** Adds the admin notice that says whether the service knows the site. */
function osallistu_check_settings( array $settings ): void {
	if ( '' === $settings['service'] ) {
		add_settings_error( OSALLISTU_OPTION, 'osallistu-service', __( 'Enter the service address as a full http or https address, for example https://osallistu.example.fi', 'osallistu' ) );
		return;
	}
	if ( '' === $settings['site'] ) {
		add_settings_error( OSALLISTU_OPTION, 'osallistu-site', __( 'Enter the site id: lowercase letters, digits and hyphens, for example espoo.', 'osallistu' ) );
		return;
	}
	$response = wp_remote_get( $settings['service'] . '/api/v1/sites/' . rawurlencode( $settings['site'] ), array( 'timeout' => 10, 'headers' => array( 'Accept' => 'application/json' ) ) );
	if ( is_wp_error( $response ) ) {
		add_settings_error(
			OSALLISTU_OPTION,
			'osallistu-unreachable',
			/* translators: 1: the service address, 2: the error message */
			sprintf( __( 'Could not reach the Osallistu service at %1$s: %2$s. Check the address; the settings were saved.', 'osallistu' ), $settings['service'], $response->get_error_message() )
		);
		return;
	}
	$status = wp_remote_retrieve_response_code( $response );
	$body   = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( 404 === $status ) {
		add_settings_error(
			OSALLISTU_OPTION,
			'osallistu-no-site',
			/* translators: 1: the site id, 2: the service address */
			sprintf( __( 'There is no site "%1$s" on %2$s. Check the site id with the Osallistu administrator; the settings were saved.', 'osallistu' ), $settings['site'], $settings['service'] )
		);
		return;
	}
	if ( 200 !== $status || ! is_array( $body ) || ! isset( $body['name'] ) || ! is_array( $body['name'] ) ) {
		add_settings_error(
			OSALLISTU_OPTION,
			'osallistu-not-osallistu',
			/* translators: 1: the service address, 2: an HTTP status code */
			sprintf( __( 'The address %1$s did not answer as an Osallistu service (HTTP %2$d). Check the address; the settings were saved.', 'osallistu' ), $settings['service'], $status )
		);
		return;
	}
	$lang = osallistu_locale_lang( get_user_locale() );
	$name = $body['name'][ $lang ] ?? reset( $body['name'] );
	add_settings_error(
		OSALLISTU_OPTION,
		'osallistu-connected',
		/* translators: %s: the site's name on the Osallistu service */
		sprintf( __( 'Connected: the service knows this site as "%s".', 'osallistu' ), (string) $name ),
		'success'
	);
}
